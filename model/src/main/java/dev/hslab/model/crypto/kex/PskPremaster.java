package dev.hslab.model.crypto.kex;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.WireWriter;

/** Premaster secrets of the pre-shared-key suites. */
public final class PskPremaster {

  private PskPremaster() {}

  /**
   * RFC 4279 §2: "a uint16 with the value N, N zero octets, a second uint16 with the value N, and
   * the PSK itself", N being the PSK length.
   */
  public static Bytes plain(Bytes psk) {
    return withOtherSecret(Bytes.wrap(new byte[psk.length()]), psk);
  }

  /**
   * RFC 5489 §2 (ECDHE_PSK) and RFC 4279 §2's general form: struct { opaque other_secret<0..2^16-1>;
   * opaque psk<0..2^16-1>; }, other_secret being the ECDH shared secret.
   */
  public static Bytes withOtherSecret(Bytes otherSecret, Bytes psk) {
    return new WireWriter(4 + otherSecret.length() + psk.length())
        .opaque16(otherSecret)
        .opaque16(psk)
        .toBytes();
  }
}
