/**
 * The trace: the one record of a run, its messages and events in order, as every output and check
 * reads it. May use: model.wire, model.handshake, model.engine.
 */
package dev.hslab.model.trace;
