package dev.hslab.model.explore;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Configurations are searched on several threads and merged in configuration order: the whole
 * report (counts, outcomes, findings with their shortest traces, the path list in order) and
 * every listener call (each state with its parent and move) must be what one thread gives, whatever the thread count.
 */
class ParallelExplorationTest {

  @Test
  void twoFaultsOnSeveralThreadsGiveTheOneThreadReport() {
    // Every TLS 1.2 configuration without renegotiation: key exchanges, client authentication,
    // sessions and both closers vary (240 configurations, about 200,000 states at k = 2).
    List<Configuration> cs = ConfigurationSpace.where(c -> c.clientMax().equals(ProtocolVersion.TLS12)
        && c.renegotiation() == Renegotiation.NONE);
    ExploreOptions options = ExploreOptions.of(cs).withFaults(2);
    Recorded one = explore(options.withThreads(1));
    assertThat(one.report.states()).isGreaterThan(100_000);
    assertThat(one.report.outcomesOfKind("alert")).isPositive();
    assertThat(one.report.outcomesOfKind("timeout")).isPositive();
    for (int threads : new int[] {2, 3}) {
      Recorded many = explore(options.withThreads(threads));
      assertThat(many.report).as("%d threads", threads).isEqualTo(one.report);
      assertThat(many.calls).as("%d threads", threads).isEqualTo(one.calls);
    }
  }

  @Test
  void findingsAndTheirShortestTracesDoNotDependOnTheThreadCount() {
    // Planted bugs give violations and deadlocks in many configurations; the report lists the
    // first ones in configuration order, so a merge out of order would show here.
    List<Configuration> cs = ConfigurationSpace.where(c -> c.clientMax().equals(ProtocolVersion.TLS12)
        && c.renegotiation() == Renegotiation.NONE && c.closer() == Side.CLIENT);
    for (ExploreOptions options : List.of(
        ExploreOptions.of(cs).withFaults(1).withTables(PlantedBugTest.CLIENT_SKIPS_CCS, ServerTable.TABLE),
        ExploreOptions.of(cs).withFaults(1).withTables(ClientTable.TABLE, PlantedBugTest.SERVER_NEVER_FINISHES))) {
      Recorded one = explore(options.withThreads(1));
      assertThat(one.report.violationCount() + one.report.deadlockCount()).isPositive();
      assertThat(one.report.violations().size() + one.report.deadlocks().size()).isGreaterThan(1);
      Recorded two = explore(options.withThreads(2));
      assertThat(two.report).isEqualTo(one.report);
      assertThat(two.calls).isEqualTo(one.calls);
    }
  }

  private record Recorded(ExplorationReport report, List<String> calls) {}

  /** The report with its wall time set to zero, and the listener calls in the order they came. */
  private static Recorded explore(ExploreOptions options) {
    List<String> calls = new ArrayList<>();
    ExplorationReport r = Explorer.explore(options, new ExploreListener() {
      @Override
      public boolean wantsStates() {
        return true;
      }

      @Override
      public void stateDiscovered(int id, int parent, String move) {
        calls.add(id + " " + parent + " " + move);
      }

      @Override
      public void violation(Finding f) {
        calls.add("violation " + f);
      }

      @Override
      public void deadlock(Finding f) {
        calls.add("deadlock " + f);
      }

      @Override
      public void configurationExplored(Configuration c, int states, long transitions) {
        calls.add(c.label() + " " + states + " " + transitions);
      }
    });
    return new Recorded(new ExplorationReport(r.configurations(), r.faults(), r.states(), r.transitions(), r.outcomes(),
        r.deadlockCount(), r.deadlocks(), r.violationCount(), r.violations(), r.paths(), r.bytesPerState(), r.complete(), 0),
        calls);
  }
}
