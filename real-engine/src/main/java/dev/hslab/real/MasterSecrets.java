package dev.hslab.real;

import dev.hslab.model.wire.Bytes;
import java.util.Optional;

/**
 * The decryption hook: the master secret of a handshake, looked up by its ClientHello.random (as
 * in an NSS key log). When the peer of a real engine is the model engine, the model knows the
 * master secret; wired here, the real engine's trace decodes the records after ChangeCipherSpec
 * (Finished, renegotiation, alerts) instead of reporting them as encrypted handshake messages.
 */
@FunctionalInterface
public interface MasterSecrets {

  /** No secrets known: protected records stay opaque. */
  MasterSecrets NONE = clientRandom -> Optional.empty();

  Optional<Bytes> lookup(Bytes clientRandom);

  /** A fixed master secret for whatever handshake asks. */
  static MasterSecrets of(Bytes masterSecret) {
    return clientRandom -> Optional.of(masterSecret);
  }
}
