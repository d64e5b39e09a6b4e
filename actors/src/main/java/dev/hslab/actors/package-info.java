/**
 * The actor simulation: client, server and network as actors on a virtual clock, the network
 * deciding from a seeded source which message is delivered, dropped, duplicated, reordered or
 * delayed, and recording every decision (under TCP, of each segment: {@link dev.hslab.actors.tcp});
 * the fault matrix runs one fault per message. The actors
 * module depends on model only. May use: model.wire, model.record, model.message, model.handshake,
 * model.crypto, model.engine, model.trace, model.config, model.loopback, actors.tcp.
 */
package dev.hslab.actors;
