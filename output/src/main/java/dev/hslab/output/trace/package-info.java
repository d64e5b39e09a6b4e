/**
 * The trace as JSON and JSON lines, and the messages each side sent as the reports count them. May
 * use: model.record, model.handshake, model.engine, model.trace.
 */
package dev.hslab.output.trace;
