package dev.hslab.model.handshake;

import java.util.Locale;

/** The certificate a client holds (docs/cli.md {@code --client-cert}). */
public enum ClientCertificate {
  NONE,
  RSA,
  ECDSA;

  public String cliName() {
    return name().toLowerCase(Locale.ROOT);
  }
}
