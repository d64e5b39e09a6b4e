/**
 * The cryptographic port of the engine: PRFs for every version, key derivation, the handshake
 * transcript, Finished and SSL 3.0 hashes, digests and the seeded random source, with the
 * BouncyCastle lightweight API and the JDK's digests behind them. May use: model.wire,
 * model.suite.
 */
package dev.hslab.model.crypto;
