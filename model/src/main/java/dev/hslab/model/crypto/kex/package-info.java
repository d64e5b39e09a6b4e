/**
 * Key exchange (RFC 5246 §8.1): finite-field and elliptic-curve key shares with peer-value
 * validation, the RSA premaster secret with its Bleichenbacher countermeasure, and PSK premasters.
 * May use: model.wire, model.suite, model.crypto, model.crypto.sig.
 */
package dev.hslab.model.crypto.kex;
