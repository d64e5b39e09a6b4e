/**
 * The record layer's plaintext view (RFC 5246 §6.2): content types, {@link
 * dev.hslab.model.record.TlsRecord} and its reader, and the two non-handshake messages a record
 * carries on its own (Alert, ChangeCipherSpec). May use: model.wire.
 */
package dev.hslab.model.record;
