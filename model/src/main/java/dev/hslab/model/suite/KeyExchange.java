package dev.hslab.model.suite;

import java.util.Locale;

/**
 * The key exchange algorithms this model negotiates, with what each implies for the optional
 * handshake messages (RFC 5246 §7.4.2–7.4.3, RFC 4279 §2–3, RFC 4492/8422 §2, RFC 5489 §2).
 */
public enum KeyExchange {
  RSA(Authentication.RSA, false, false, false),
  DHE_RSA(Authentication.RSA, true, false, false),
  ECDHE_RSA(Authentication.RSA, true, true, false),
  ECDHE_ECDSA(Authentication.ECDSA, true, true, false),
  DH_ANON(Authentication.ANONYMOUS, true, false, false),
  ECDH_ANON(Authentication.ANONYMOUS, true, true, false),
  PSK(Authentication.PSK, false, false, true),
  ECDHE_PSK(Authentication.PSK, true, true, true);

  /** How the server proves its identity under this key exchange. */
  public enum Authentication {
    RSA,
    ECDSA,
    ANONYMOUS,
    PSK
  }

  private final Authentication authentication;
  private final boolean ephemeral;
  private final boolean elliptic;
  private final boolean psk;

  KeyExchange(Authentication authentication, boolean ephemeral, boolean elliptic, boolean psk) {
    this.authentication = authentication;
    this.ephemeral = ephemeral;
    this.elliptic = elliptic;
    this.psk = psk;
  }

  public Authentication authentication() {
    return authentication;
  }

  /** The server sends key-exchange parameters of its own (DHE, ECDHE, anonymous DH/ECDH). */
  public boolean ephemeral() {
    return ephemeral;
  }

  /** Uses elliptic curves, so the hello messages carry supported_groups/ec_point_formats. */
  public boolean elliptic() {
    return elliptic;
  }

  public boolean psk() {
    return psk;
  }

  /** RFC 5246 §7.4.2: the server sends a Certificate unless anonymous or PSK (RFC 4279 §2). */
  public boolean serverCertificate() {
    return authentication == Authentication.RSA || authentication == Authentication.ECDSA;
  }

  /** The server signs its ServerKeyExchange parameters (RFC 5246 §7.4.3). */
  public boolean signedServerKeyExchange() {
    return ephemeral && serverCertificate();
  }

  /** Finite-field Diffie-Hellman (DHE_RSA, DH_anon). */
  public boolean finiteFieldDh() {
    return ephemeral && !elliptic;
  }

  /** The command-line name of docs/cli.md, e.g. {@code ecdhe_rsa}. */
  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }

  /** The name used in IANA suite names, e.g. {@code DH_anon}. */
  public String ianaName() {
    return name().replace("ANON", "anon");
  }

  public static KeyExchange fromCliName(String name) {
    for (KeyExchange k : values()) {
      if (k.cliName().equals(name)) {
        return k;
      }
    }
    throw new IllegalArgumentException("unknown key exchange '" + name + "'");
  }
}
