/**
 * Scenario files: the YAML reader, the expectations they state, the simulators that run them
 * (loopback or actors) and the comparison of a run with its expectations. May use: actors,
 * model.wire, model.suite, model.handshake, model.engine, model.trace, model.config,
 * model.loopback.
 */
package dev.hslab.scenario;
