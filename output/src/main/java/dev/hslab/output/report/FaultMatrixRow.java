package dev.hslab.output.report;

/**
 * One cell of the fault matrix (docs/cli.md {@code hslab faults}): a fault of one kind aimed at
 * one message, what the model says must happen and what the engine did.
 *
 * @param message the target, e.g. {@code server.server_key_exchange}
 * @param faultKind e.g. {@code drop}, {@code corrupt}
 * @param expectedOutcome e.g. {@code timeout client waiting for server_hello_done}
 * @param actualOutcome what the run ended in
 * @param pass the run matched the expectation
 */
public record FaultMatrixRow(String message, String faultKind, String expectedOutcome, String actualOutcome, boolean pass) {}
