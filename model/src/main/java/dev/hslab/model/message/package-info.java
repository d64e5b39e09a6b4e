/**
 * The handshake messages (RFC 5246 §7.4), one file each: a record with its strict decoder, its
 * encoder and a stable describe() for traces; the codec by handshake type, and the fragmenter and
 * reassembler of handshake records. May use: model.wire, model.suite, model.record,
 * model.message.extension.
 */
package dev.hslab.model.message;
