/**
 * The explorer: a breadth-first model check of the two transition tables over abstract messages
 * and faults, with its seen-set, frontier, invariants and counterexample traces. May use:
 * model.wire, model.suite, model.handshake.
 */
package dev.hslab.model.explore;
