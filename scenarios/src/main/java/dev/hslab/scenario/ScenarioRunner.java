package dev.hslab.scenario;

import dev.hslab.model.trace.Trace;
import java.util.List;
import java.util.Optional;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * Runs scenarios and compares each with its {@code expect:} block. A fault-free scenario with
 * model engines runs on the loopback simulator; a scenario with a simulated network (faults,
 * loss, latency, partitions) runs on the network simulator — the actors, plugged in with
 * {@link #withNetwork} — and is reported as not run ("needs actors") while there is none.
 */
public final class ScenarioRunner {

  private static final Logger LOG = LoggerFactory.getLogger(ScenarioRunner.class);

  static final String NEEDS_ACTORS = "needs actors: its network (faults, loss, latency or partitions) needs the simulated network";

  private final Driver loopback;
  private final Optional<Driver> network;

  public ScenarioRunner(Driver loopback, Optional<Driver> network) {
    this.loopback = loopback;
    this.network = network;
  }

  /** Model engines on the in-memory loopback; no simulated network yet. */
  public static ScenarioRunner loopbackOnly() {
    return new ScenarioRunner(new LoopbackDriver(), Optional.empty());
  }

  /** This runner with {@code simulator} for the scenarios that need a simulated network. */
  public ScenarioRunner withNetwork(Driver simulator) {
    return new ScenarioRunner(loopback, Optional.of(simulator));
  }

  public Verdict run(Scenario s) {
    boolean modelOnly = s.peers().clientEngine() == Scenario.EngineKind.MODEL
        && s.peers().serverEngine() == Scenario.EngineKind.MODEL;
    Driver sim;
    if (!s.perfectNetwork()) {
      if (network.isEmpty()) {
        return Verdict.notRun(s, NEEDS_ACTORS);
      }
      sim = network.get();
    } else if (!modelOnly) {
      return Verdict.notRun(s, "needs real engines: the scenario runner does not host "
          + s.peers().clientEngine().cliName() + "/" + s.peers().serverEngine().cliName() + " engines yet");
    } else {
      sim = loopback;
    }
    List<Trace> traces;
    try {
      traces = sim.simulate(s);
    } catch (RuntimeException e) {
      // A broken simulation is this scenario's failure, reported in one line, not the end of the check.
      LOG.debug("simulation of {} failed", s.file(), e);
      return new Verdict(s, Verdict.Status.FAILED, List.of(new Mismatch("run", 0, "a completed simulation",
          "the simulator failed: " + e)), "", null);
    }
    return Verdict.compared(s, RunFacts.of(traces));
  }
}
