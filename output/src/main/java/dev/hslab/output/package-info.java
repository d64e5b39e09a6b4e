/**
 * What the commands write about a run: trace files, diagrams and reports, in one place per format.
 * The output module depends on model only. May use: output.trace, output.diagram, output.report,
 * output.capture, output.chart, model.handshake, model.trace, model.config, model.explore.
 */
package dev.hslab.output;
