package dev.hslab.model.suite;

import java.util.Optional;

/**
 * Named groups for (EC)DHE (RFC 8422 §5.1.1, RFC 7919 §2). Messages keep the raw code so that
 * unknown groups round-trip; this enum names the ones the model can compute with.
 */
public enum NamedGroup {
  SECP256R1(23, true, 32),
  SECP384R1(24, true, 48),
  X25519(29, true, 32),
  FFDHE2048(256, false, 256),
  FFDHE3072(257, false, 384);

  private final int code;
  private final boolean elliptic;
  private final int fieldLength;

  NamedGroup(int code, boolean elliptic, int fieldLength) {
    this.code = code;
    this.elliptic = elliptic;
    this.fieldLength = fieldLength;
  }

  public int code() {
    return code;
  }

  public boolean elliptic() {
    return elliptic;
  }

  /** Bytes of a field element (the x coordinate, the X25519 u value, or the DH modulus). */
  public int fieldLength() {
    return fieldLength;
  }

  public String rfcName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static Optional<NamedGroup> fromCode(int code) {
    for (NamedGroup g : values()) {
      if (g.code == code) {
        return Optional.of(g);
      }
    }
    return Optional.empty();
  }
}
