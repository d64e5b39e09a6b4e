package dev.hslab.real;

import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.wire.Bytes;
import java.util.Optional;

/**
 * The decryption hook: the master secret of a handshake, looked up by its ClientHello.random (as
 * in an NSS key log) and the handshake messages seen on the wire so far. When the peer of a real
 * engine is the model engine, the model knows the master secret, or can tell it from the bytes
 * the real engine sent ({@code ModelEngine.masterSecret(clientRandom, seen)}); wired here, the
 * real engine's trace decodes the records after ChangeCipherSpec (Finished, renegotiation,
 * alerts) instead of reporting them as encrypted handshake messages.
 */
@FunctionalInterface
public interface MasterSecrets {

  /** No secrets known: protected records stay opaque. */
  MasterSecrets NONE = (clientRandom, seen) -> Optional.empty();

  /**
   * @param clientRandom the ClientHello.random of the handshake whose keys are asked for
   * @param seen every handshake message of that handshake seen on the wire, in order, from its
   *     ClientHello (HelloRequest excluded, RFC 5246 §7.4.1.1), through the one before the
   *     ChangeCipherSpec that needs the keys
   */
  Optional<Bytes> lookup(Bytes clientRandom, Transcript seen);

  /** A fixed master secret for whatever handshake asks. */
  static MasterSecrets of(Bytes masterSecret) {
    return (clientRandom, seen) -> Optional.of(masterSecret);
  }
}
