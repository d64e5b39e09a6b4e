package dev.hslab.model.explore;

import java.io.ByteArrayOutputStream;

/**
 * The canonical compact encoding of a {@link World}, the key of the visited set: equal worlds,
 * equal bytes. Each endpoint is a 42-bit word ({@link Endpoint#pack}), each message 3 bytes, plus
 * a byte for budget, script position and the transcript flag and one per channel for its length
 * and gap flag: about 20 bytes for a typical state.
 */
final class StateCodec {

  private StateCodec() {}

  static byte[] encode(World w) {
    ByteArrayOutputStream out = new ByteArrayOutputStream(32);
    writeVarLong(out, w.client().pack());
    writeVarLong(out, w.server().pack());
    out.write(w.faultsLeft() | w.script() << 3 | (w.transcriptsDiffer() ? 0x80 : 0));
    writeChannel(out, w.toServer());
    writeChannel(out, w.toClient());
    return out.toByteArray();
  }

  private static void writeChannel(ByteArrayOutputStream out, Channel c) {
    out.write(c.size() << 1 | (c.gap() ? 1 : 0));
    for (int i = 0; i < c.size(); i++) {
      int m = c.get(i);
      out.write(m);
      out.write(m >>> 8);
      out.write(m >>> 16);
    }
  }

  /** Seven bits a byte, high bit = more: small fields cost one byte. */
  private static void writeVarLong(ByteArrayOutputStream out, long v) {
    while ((v & ~0x7FL) != 0) {
      out.write((int) (v & 0x7F) | 0x80);
      v >>>= 7;
    }
    out.write((int) v);
  }
}
