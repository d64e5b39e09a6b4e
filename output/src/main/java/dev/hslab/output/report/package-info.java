/**
 * The HTML and text reports of runs, explorations and the transition tables; the run report's
 * message inspector (its data from our decoders' field maps) and the headless Chromium that tests
 * and photographs it. May use: output.trace, model.wire, model.suite, model.handshake,
 * model.engine, model.trace, model.config, model.explore, model.message, model.record,
 * model.crypto.
 */
package dev.hslab.output.report;
