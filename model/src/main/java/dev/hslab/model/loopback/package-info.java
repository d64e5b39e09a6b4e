/**
 * Two engines connected back to back in memory, without a network: a handshake run step by step
 * into a trace. May use: model.wire, model.handshake, model.engine, model.trace, model.config.
 */
package dev.hslab.model.loopback;
