package dev.hslab.model.crypto;

import dev.hslab.model.wire.Bytes;

/**
 * One direction's record-protection keys from the key block (RFC 5246 §6.3): the MAC key (empty
 * for AEAD suites), the cipher key and the IV part (CBC IV for SSL 3.0/TLS 1.0, GCM salt,
 * ChaCha20 nonce mask; empty for TLS 1.1+ CBC).
 */
public record TrafficKeys(Bytes macKey, Bytes key, Bytes iv) {}
