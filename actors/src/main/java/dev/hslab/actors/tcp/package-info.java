/**
 * TCP under the simulated TLS records, as pure pieces in virtual time (no clock, no randomness,
 * no actors): segments with a checksum, the RFC 6298 retransmission timer, a sender with slow
 * start and fast retransmit (RFC 5681, RFC 6928's initial window), an in-order receiver, and the
 * connection that puts them together with the three-way handshake (RFC 9293). The actors'
 * network decides what the link does to each segment and when it arrives. May use: model.wire,
 * model.trace.
 */
package dev.hslab.actors.tcp;
