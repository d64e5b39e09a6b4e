package dev.hslab.model.explore;

import java.util.Arrays;

/**
 * The canonical compact encoding of a {@link World}, the key of the visited set: equal worlds,
 * equal bytes. Each endpoint is a 42-bit word ({@link Endpoint#pack}) written seven bits a byte,
 * each message 3 bytes, plus a byte for budget, script position and the transcript flag and one
 * per channel for its length and gap flag: about 20 bytes for a typical state.
 *
 * <p>One encoder per search (one thread) writes into a buffer it reuses, so the search allocates
 * nothing to ask whether a state is new; the visited set copies the bytes only when it is.
 */
final class StateCodec {

  private byte[] buf = new byte[64];
  private int n;
  /** The last endpoints packed: most successors of a state keep one side, often both. */
  private Endpoint lastClient;
  private long lastClientBits;
  private Endpoint lastServer;
  private long lastServerBits;

  /** Encodes {@code w} into {@link #bytes()}; returns the length. */
  int encode(World w) {
    int most = 2 * 10 + 3 + 3 * (w.toServer().size() + w.toClient().size());
    if (buf.length < most) {
      buf = new byte[Math.max(most, buf.length * 2)];
    }
    n = 0;
    if (w.client() != lastClient) {
      lastClient = w.client();
      lastClientBits = lastClient.pack();
    }
    if (w.server() != lastServer) {
      lastServer = w.server();
      lastServerBits = lastServer.pack();
    }
    varLong(lastClientBits);
    varLong(lastServerBits);
    buf[n++] = (byte) (w.faultsLeft() | w.script() << 3 | (w.keysDiffer() ? 0x40 : 0) | (w.transcriptsDiffer() ? 0x80 : 0));
    channel(w.toServer());
    channel(w.toClient());
    return n;
  }

  /** The buffer {@link #encode} wrote into; valid until the next call. */
  byte[] bytes() {
    return buf;
  }

  /** A fresh copy of {@code w}'s encoding. */
  static byte[] encodeCopy(World w) {
    StateCodec c = new StateCodec();
    return Arrays.copyOf(c.buf, c.encode(w));
  }

  private void channel(Channel c) {
    byte[] b = buf;
    int i = n;
    b[i++] = (byte) (c.size() << 1 | (c.gap() ? 1 : 0));
    for (int k = 0; k < c.size(); k++) {
      int m = c.get(k);
      b[i++] = (byte) m;
      b[i++] = (byte) (m >>> 8);
      b[i++] = (byte) (m >>> 16);
    }
    n = i;
  }

  /** Seven bits a byte, high bit = more: small fields cost one byte. */
  private void varLong(long v) {
    byte[] b = buf;
    int i = n;
    while ((v & ~0x7FL) != 0) {
      b[i++] = (byte) ((v & 0x7F) | 0x80);
      v >>>= 7;
    }
    b[i++] = (byte) v;
    n = i;
  }
}
