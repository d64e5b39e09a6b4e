package dev.hslab.model.wire;

/** RFC 5246 §7.2: AlertLevel. */
public enum AlertLevel {
  WARNING(1),
  FATAL(2);

  private final int code;

  AlertLevel(int code) {
    this.code = code;
  }

  public int code() {
    return code;
  }

  public String rfcName() {
    return name().toLowerCase(java.util.Locale.ROOT);
  }

  public static AlertLevel fromCode(int code) throws TlsAlertException {
    return switch (code) {
      case 1 -> WARNING;
      case 2 -> FATAL;
      default -> throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "Alert: unknown level " + code);
    };
  }
}
