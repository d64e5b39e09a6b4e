package dev.hslab.model.pki;

import java.io.IOException;

/** A PEM file that cannot be used; the message starts with the file's path (and line). */
public final class PemException extends IOException {

  private static final long serialVersionUID = 1L;

  public PemException(String message) {
    super(message);
  }

  public PemException(String message, Throwable cause) {
    super(message, cause);
  }
}
