/**
 * The DTLS handshake layer (RFC 6347 §4.2; DTLS 1.0: RFC 4347 §4.2): the 12-byte handshake header
 * with message_seq, fragment_offset and fragment_length ({@link
 * dev.hslab.model.dtls.handshake.HandshakeFragment}), fragmentation to a datagram budget and
 * reassembly from fragments in any order, HelloVerifyRequest and the ClientHello's cookie, the
 * stateless cookie, the transcript rules of §4.2.6, and the flight and timer machine of §4.2.4
 * ({@link dev.hslab.model.dtls.handshake.FlightMachine}). The TLS message bodies are the ones of
 * {@code model.message}. May use: model.wire, model.message, model.crypto, model.suite,
 * model.record.protect, model.dtls.
 */
package dev.hslab.model.dtls.handshake;
