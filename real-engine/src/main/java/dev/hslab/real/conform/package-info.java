/**
 * Conformance of an engine to the transition tables: which message sequences it accepts or
 * refuses, checked against what the tables allow. May use: real, model.wire, model.suite,
 * model.message, model.handshake, model.engine, model.trace, model.config, model.loopback.
 */
package dev.hslab.real.conform;
