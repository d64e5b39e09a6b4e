/**
 * The JMH benchmarks of handshakes, resumption, the public-key floor, the actors and the explorer,
 * the paired comparisons that the bench command runs, the floor written out operation by
 * operation, and the peers' two set-ups: as deployed through the real engine's factory, and the
 * documented way with the JDK's API alone, both timed as bare SSLEngine pairs. May use: actors,
 * real, model.wire, model.suite, model.handshake, model.crypto, model.pki, model.engine,
 * model.loopback, model.explore.
 */
package dev.hslab.bench;
