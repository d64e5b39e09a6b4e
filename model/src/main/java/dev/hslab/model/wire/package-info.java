/**
 * Bytes on the wire and the vocabulary every layer shares: immutable {@link
 * dev.hslab.model.wire.Bytes}, the strict reader and writer of RFC 5246 §4 vectors, {@link
 * dev.hslab.model.wire.ProtocolVersion}, the alert codes (RFC 5246 §7.2) and {@link
 * dev.hslab.model.wire.TlsAlertException}, the one way a decoder refuses. May use: no other
 * package of the project; it is the bottom.
 */
package dev.hslab.model.wire;
