/**
 * The negotiable algorithms as enums with their RFC codes: cipher suites, key exchanges, bulk
 * ciphers, MACs, PRF hashes, named groups and signature schemes. May use: model.wire.
 */
package dev.hslab.model.suite;
