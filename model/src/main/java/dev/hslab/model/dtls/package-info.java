/**
 * The DTLS record layer (RFC 6347 §4.1; DTLS 1.0: RFC 4347 §4.1): {@link
 * dev.hslab.model.dtls.DtlsRecord} with its explicit epoch and 48-bit sequence number, datagrams
 * that hold whole records only ({@link dev.hslab.model.dtls.DtlsDatagram}, packed to a {@link
 * dev.hslab.model.dtls.Pmtu}), per-epoch protection over the TLS record ciphers with epoch ||
 * sequence_number as their sequence number, the anti-replay window, and the silent discard of
 * invalid records as a {@link dev.hslab.model.dtls.RecordDecision} the caller sees. May use:
 * model.wire, model.record, model.record.protect.
 */
package dev.hslab.model.dtls;
