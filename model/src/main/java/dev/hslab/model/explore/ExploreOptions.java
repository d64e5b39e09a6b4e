package dev.hslab.model.explore;

import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.ClientState;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.ServerState;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.TransitionTable;
import java.util.List;
import java.util.Objects;

/**
 * Everything an exploration depends on, in one immutable value (no globals, no system properties).
 *
 * @param configurations the configurations to explore, each as its own connection
 * @param faults the fault budget k per run, 0 to 7
 * @param faultKinds the faults the adversary may use
 * @param clientTable the client's table (the real one, or a copy with a planted bug)
 * @param serverTable the server's table
 * @param threads worker threads; configurations are explored in parallel and merged in order, so
 *     the report does not depend on it
 * @param maxStatesPerConfiguration a bound that keeps a bad table from exhausting memory; a search
 *     that reaches it is reported incomplete
 * @param maxFindings how many violations and deadlocks the report lists (all are counted)
 */
public record ExploreOptions(
    List<Configuration> configurations,
    int faults,
    List<FaultKind> faultKinds,
    TransitionTable<ClientState> clientTable,
    TransitionTable<ServerState> serverTable,
    int threads,
    int maxStatesPerConfiguration,
    int maxFindings) {

  /**
   * The faults the explorer explores, in the order it tries them. Delay and truncation are not
   * among them: without a clock a delay is a reordering of deliveries the search already makes,
   * and a truncated record fails to decode like a corrupted one.
   */
  public static final List<FaultKind> FAULT_KINDS =
      List.of(FaultKind.DROP, FaultKind.DUPLICATE, FaultKind.REORDER, FaultKind.CORRUPT, FaultKind.INJECT);

  public ExploreOptions {
    configurations = List.copyOf(configurations);
    faultKinds = List.copyOf(faultKinds);
    if (!FAULT_KINDS.containsAll(faultKinds)) {
      throw new IllegalArgumentException("the explorer explores only " + FAULT_KINDS + ", got " + faultKinds);
    }
    Objects.requireNonNull(clientTable, "clientTable");
    Objects.requireNonNull(serverTable, "serverTable");
    if (configurations.isEmpty()) {
      throw new IllegalArgumentException("no configuration to explore");
    }
    for (Configuration c : configurations) {
      if (!c.legal()) {
        throw new IllegalArgumentException("not a legal configuration: " + c.label());
      }
    }
    if (faults < 0 || faults > 7) {
      throw new IllegalArgumentException("fault budget must be 0 to 7, was " + faults);
    }
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, was " + threads);
    }
    if (maxStatesPerConfiguration < 1 || maxFindings < 0) {
      throw new IllegalArgumentException("limits must be positive");
    }
  }

  /** The given configurations, no faults, the real tables, one thread. */
  public static ExploreOptions of(List<Configuration> configurations) {
    return new ExploreOptions(configurations, 0, FAULT_KINDS, ClientTable.TABLE, ServerTable.TABLE,
        1, 5_000_000, 100);
  }

  /** The whole configuration space ({@link ConfigurationSpace#all()}), no faults. */
  public static ExploreOptions all() {
    return of(ConfigurationSpace.all());
  }

  public ExploreOptions withFaults(int k) {
    return new ExploreOptions(configurations, k, faultKinds, clientTable, serverTable, threads, maxStatesPerConfiguration, maxFindings);
  }

  public ExploreOptions withFaultKinds(FaultKind... kinds) {
    return new ExploreOptions(configurations, faults, List.of(kinds), clientTable, serverTable, threads, maxStatesPerConfiguration, maxFindings);
  }

  public ExploreOptions withTables(TransitionTable<ClientState> client, TransitionTable<ServerState> server) {
    return new ExploreOptions(configurations, faults, faultKinds, client, server, threads, maxStatesPerConfiguration, maxFindings);
  }

  public ExploreOptions withThreads(int n) {
    return new ExploreOptions(configurations, faults, faultKinds, clientTable, serverTable, n, maxStatesPerConfiguration, maxFindings);
  }

  public ExploreOptions withMaxStatesPerConfiguration(int n) {
    return new ExploreOptions(configurations, faults, faultKinds, clientTable, serverTable, threads, n, maxFindings);
  }
}
