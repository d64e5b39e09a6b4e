package dev.hslab.scenario;

import dev.hslab.model.trace.Trace;
import java.util.List;

/**
 * Runs a scenario's connections and returns each connection's trace, in order: a first
 * connection, and a resumed second one when the scenario resumes. The in-memory loopback is one
 * ({@link LoopbackDriver}); the actors' simulated network is plugged in as another.
 */
@FunctionalInterface
public interface Driver {

  List<Trace> simulate(Scenario scenario);
}
