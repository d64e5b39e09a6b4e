package dev.hslab.model.explore;

/**
 * The canonical compact encoding of a {@link World}, the key of the visited set: equal worlds,
 * equal bytes. Each endpoint is a 42-bit word ({@link Endpoint#pack}), each message 3 bytes, plus
 * a byte for budget, script position and the transcript flag and one per channel for its length
 * and gap flag: about 20 bytes for a typical state.
 */
final class StateCodec {

  private StateCodec() {}

  static byte[] encode(World w) {
    Out out = new Out(w.toServer().size() * 3 + w.toClient().size() * 3 + 24);
    out.varLong(w.client().pack());
    out.varLong(w.server().pack());
    out.put(w.faultsLeft() | w.script() << 3 | (w.keysDiffer() ? 0x40 : 0) | (w.transcriptsDiffer() ? 0x80 : 0));
    channel(out, w.toServer());
    channel(out, w.toClient());
    return java.util.Arrays.copyOf(out.buf, out.n);
  }

  private static void channel(Out out, Channel c) {
    out.put(c.size() << 1 | (c.gap() ? 1 : 0));
    for (int i = 0; i < c.size(); i++) {
      int m = c.get(i);
      out.put(m);
      out.put(m >>> 8);
      out.put(m >>> 16);
    }
  }

  /** A plain byte buffer: ByteArrayOutputStream's synchronized writes cost more than the search. */
  private static final class Out {
    final byte[] buf;
    int n;

    Out(int capacity) {
      buf = new byte[capacity];
    }

    void put(int b) {
      buf[n++] = (byte) b;
    }

    /** Seven bits a byte, high bit = more: small fields cost one byte. */
    void varLong(long v) {
      while ((v & ~0x7FL) != 0) {
        put((int) (v & 0x7F) | 0x80);
        v >>>= 7;
      }
      put((int) v);
    }
  }
}
