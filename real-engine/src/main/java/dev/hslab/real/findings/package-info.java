/**
 * The findings table: every deviant trace where a real engine ended other than the model
 * expects, classified by one table of rules ({@link dev.hslab.real.findings.FindingRules}) into a
 * conformance finding, a different-but-allowed ending, a refusal without an alert, or a limit of
 * what we can observe, each with the RFC section that decides it. May use: model.concrete,
 * model.explore, model.handshake.
 */
package dev.hslab.real.findings;
