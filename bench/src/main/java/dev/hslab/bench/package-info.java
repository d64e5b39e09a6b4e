/**
 * The JMH benchmarks of handshakes, resumption, the public-key floor, the actors and the explorer,
 * and the paired comparisons that the bench command runs. May use: actors, real, model.wire,
 * model.suite, model.handshake, model.crypto, model.pki, model.engine, model.loopback,
 * model.explore.
 */
package dev.hslab.bench;
