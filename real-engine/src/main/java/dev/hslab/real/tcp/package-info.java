/**
 * Engines over real TCP: the bridge, the server and the load client, pumping an engine's records
 * through a socket with timeouts. May use: model.wire, model.handshake, model.engine, model.trace.
 */
package dev.hslab.real.tcp;
