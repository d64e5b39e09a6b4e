package dev.hslab.model.wire;

/**
 * A protocol failure that names the fatal alert to send. Every decoder and every check in the
 * model throws this (checked) instead of an unchecked exception, so malformed input always ends in
 * the RFC's alert (RFC 5246 §7.2.2).
 */
public final class TlsAlertException extends Exception {

  private static final long serialVersionUID = 1L;

  private final AlertDescription alert;

  public TlsAlertException(AlertDescription alert, String message) {
    super(message, null, false, false);
    this.alert = alert;
  }

  public TlsAlertException(AlertDescription alert, String message, Throwable cause) {
    super(message, cause, false, false);
    this.alert = alert;
  }

  public AlertDescription alert() {
    return alert;
  }

  @Override
  public String toString() {
    return alert.rfcName() + ": " + getMessage();
  }
}
