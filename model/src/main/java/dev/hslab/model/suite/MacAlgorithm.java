package dev.hslab.model.suite;

/** The record MAC of CBC suites (RFC 5246 §6.2.3.1); AEAD suites have none. */
public enum MacAlgorithm {
  NONE(0, null),
  HMAC_SHA1(20, "SHA-1"),
  HMAC_SHA256(32, "SHA-256"),
  HMAC_SHA384(48, "SHA-384");

  private final int length;
  private final String hash;

  MacAlgorithm(int length, String hash) {
    this.length = length;
    this.hash = hash;
  }

  /** mac_length = mac_key_length. */
  public int length() {
    return length;
  }

  /** The JCA name of the underlying hash, or null for NONE. */
  public String hash() {
    return hash;
  }
}
