package dev.hslab.model.crypto.kex;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.nio.charset.StandardCharsets;
import java.util.Map;

/** The server's pre-shared keys by PSK identity (RFC 4279 §2, §5.1). Immutable. */
public record PskStore(Map<Bytes, Bytes> keys) {

  public PskStore {
    keys = Map.copyOf(keys);
  }

  /** A store with one identity, given as text (RFC 4279 §5.1: identities are UTF-8). */
  public static PskStore of(String identity, Bytes key) {
    return new PskStore(Map.of(Bytes.wrap(identity.getBytes(StandardCharsets.UTF_8)), key));
  }

  /**
   * The key for a ClientKeyExchange psk_identity. RFC 4279 §2: "If the server does not recognize
   * the PSK identity, it MAY respond with an unknown_psk_identity alert message."
   */
  public Bytes lookup(Bytes identity) throws TlsAlertException {
    Bytes key = keys.get(identity);
    if (key == null) {
      throw new TlsAlertException(AlertDescription.UNKNOWN_PSK_IDENTITY,
          "unknown PSK identity " + new String(identity.toByteArray(), StandardCharsets.UTF_8));
    }
    return key;
  }

  @Override
  public String toString() {
    return "PskStore[" + keys.size() + " identities]"; // never print keys
  }
}
