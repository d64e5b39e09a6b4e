/**
 * Signatures over handshake data (RFC 5246 §4.7, §7.4.3, §7.4.8): RSA PKCS#1 v1.5 and PSS, ECDSA
 * with RFC 6979 nonces, the legacy MD5/SHA-1 forms before TLS 1.2, and the signing and verifying
 * keys. May use: model.wire, model.suite, model.crypto.
 */
package dev.hslab.model.crypto.sig;
