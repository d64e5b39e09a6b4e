/**
 * The {@code hslab} command line: one picocli command per file, the flags at the edge turned into
 * the model's values, and the JSON and text each command prints. The top of the project: it may
 * use every module. May use: scenario, actors, bench, output, output.trace, output.diagram,
 * output.report, output.chart, real, real.conform, real.findings, real.tcp, model.wire, model.suite, model.record,
 * model.handshake, model.crypto, model.pki, model.engine, model.trace, model.config,
 * model.loopback, model.explore, model.concrete.
 */
package dev.hslab.cli;
