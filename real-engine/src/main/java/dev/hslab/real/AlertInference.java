package dev.hslab.real;

import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.record.Alert;
import dev.hslab.model.wire.AlertDescription;
import java.util.Optional;

/**
 * Names alerts that travelled encrypted, from the provider's reaction rather than the bytes: an
 * engine whose inbound closes without error received close_notify; one whose outbound closes
 * without error sent it; otherwise the provider's error message may name the alert. Plaintext
 * alerts are never inferred: {@link WireObserver} decodes them.
 */
final class AlertInference {

  private AlertInference() {}

  /**
   * @param closedNow the record closed the engine's inbound (or outbound, for a sent record)
   * @param failure the provider's error message for this step, or null
   */
  static MessageInfo name(MessageInfo info, boolean closedNow, String failure) {
    if (!"alert".equals(info.type()) || info.alert() != null) {
      return info;
    }
    Optional<Alert> a = closedNow && failure == null
        ? Optional.of(Alert.warning(AlertDescription.CLOSE_NOTIFY))
        : Records.alertNamedIn(failure);
    return a.map(alert -> Infos.withAlert(info, alert)).orElse(info);
  }
}
