/**
 * Record protection (RFC 5246 §6.2.3): the CBC and HMAC, AEAD and SSL 3.0 ciphers that turn a
 * plaintext record into a protected one and back, with the sequence numbers they need. May use:
 * model.wire, model.suite, model.record, model.crypto.
 */
package dev.hslab.model.record.protect;
