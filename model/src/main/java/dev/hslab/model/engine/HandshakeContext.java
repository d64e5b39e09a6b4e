package dev.hslab.model.engine;

import dev.hslab.model.crypto.KeyDerivation;
import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.crypto.kex.KeyShare;
import dev.hslab.model.crypto.sig.VerifyingKey;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.ServerKeyExchangeParams;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;

/**
 * What one handshake has learned and computed so far: the hellos, the transcript, the ephemeral
 * keys, the peer's key, the secrets. A fresh one per handshake (renegotiation starts a new one);
 * mutable scratch state of the engine, never shared.
 */
final class HandshakeContext {

  ClientHello clientHello;
  Bytes clientRandom = Bytes.EMPTY;
  Bytes serverRandom = Bytes.EMPTY;
  Bytes sessionId = Bytes.EMPTY;
  ProtocolVersion version;
  CipherSuite suite;
  KeyDerivation derivation;
  Transcript transcript = Transcript.empty();

  /** Set when the server accepted a session: the abbreviated handshake reuses its master secret. */
  Session resumedSession;
  /** The session ID a client offered (a cached session's, or a fresh one sent with a ticket). */
  Bytes offeredSessionId = Bytes.EMPTY;
  boolean extendedMasterSecret;
  boolean secureRenegotiation;
  /** The server will send a NewSessionTicket in this handshake. */
  boolean ticket;
  /** A ticket the server sent in this handshake (client side). */
  Bytes newTicket;
  /** The client sent the session_ticket extension (server side). */
  boolean clientOffersTicket;

  /** The server's identity for this key exchange, or the client's chosen certificate. */
  Identity identity;
  /** The peer's certificate key, once its chain was validated. */
  VerifyingKey peerKey;
  List<Bytes> peerChain = List.of();
  boolean clientAuthenticated;

  KeyShare keyShare;
  ServerKeyExchangeParams serverParams;
  Bytes pskIdentityHint;
  Bytes premaster;
  Bytes masterSecret;

  /** TLS 1.2 CertificateRequest: the schemes the server accepts for CertificateVerify. */
  List<Integer> requestedSchemes = List.of();
  /** The client's signature_algorithms (server side), or empty when it sent none. */
  List<Integer> peerSchemes = List.of();
  List<Integer> peerGroups = List.of();
  SignatureScheme chosenScheme;

  Bytes clientVerifyData = Bytes.EMPTY;
  Bytes serverVerifyData = Bytes.EMPTY;

  void append(Bytes message) {
    transcript = transcript.append(message);
  }
}
