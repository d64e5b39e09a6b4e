/**
 * The HTML and text reports of runs, explorations and the transition tables. May use:
 * output.trace, model.wire, model.suite, model.handshake, model.engine, model.trace, model.config,
 * model.explore.
 */
package dev.hslab.output.report;
