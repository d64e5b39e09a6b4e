package dev.hslab.real;

import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.record.Alert;
import dev.hslab.model.wire.AlertDescription;
import java.util.Locale;
import java.util.Optional;

/**
 * Names alerts that travelled encrypted and could not be decrypted, from the provider's reaction
 * rather than the bytes: an engine whose inbound closes without error received close_notify; one
 * whose outbound closes without error sent it; otherwise the provider's error message may name the
 * alert. Plaintext alerts, and protected ones when the master secret is known, are never inferred:
 * {@link WireObserver} decodes them.
 *
 * <p>The error message says which way its alert went. SunJSSE reports an alert it received as
 * "Received fatal alert: no_renegotiation" or "Received close_notify during handshake", BCJSSE as
 * {@code TlsFatalAlertReceived}; every other message names the alert the provider decided to send.
 * A received alert never names a record the engine sent (regression: an injected no_renegotiation
 * was reported as sent by the engine that received it), nor the reverse.
 */
final class AlertInference {

  private AlertInference() {}

  /**
   * @param sent the record was sent by the engine (else received from its peer)
   * @param closedNow the record closed the engine's inbound (or outbound, for a sent record)
   * @param failure the provider's error message for this step, or null
   */
  static MessageInfo name(MessageInfo info, boolean sent, boolean closedNow, String failure) {
    if (!"alert".equals(info.type()) || info.alert() != null) {
      return info;
    }
    Optional<Alert> a = closedNow && failure == null
        ? Optional.of(Alert.warning(AlertDescription.CLOSE_NOTIFY))
        : failure != null && tellsReceived(failure) != sent ? Records.alertNamedIn(failure) : Optional.empty();
    return a.map(alert -> Infos.withAlert(info, alert)).orElse(info);
  }

  /** Whether a provider's error message reports an alert received from the peer. */
  static boolean tellsReceived(String failure) {
    return failure.toLowerCase(Locale.ROOT).contains("received");
  }
}
