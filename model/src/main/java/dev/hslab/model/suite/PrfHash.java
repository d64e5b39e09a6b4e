package dev.hslab.model.suite;

/**
 * The hash of the TLS 1.2 PRF (RFC 5246 §5): SHA-256 unless the suite names SHA-384 (RFC 5289
 * §3.2, RFC 5288 §3). Earlier versions ignore it: TLS 1.0/1.1 use MD5+SHA-1, SSL 3.0 its own.
 */
public enum PrfHash {
  SHA256("SHA-256", 32),
  SHA384("SHA-384", 48);

  private final String jcaName;
  private final int length;

  PrfHash(String jcaName, int length) {
    this.jcaName = jcaName;
    this.length = length;
  }

  public String jcaName() {
    return jcaName;
  }

  public int length() {
    return length;
  }
}
