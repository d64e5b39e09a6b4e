package dev.hslab.model.explore;

import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;

/**
 * The exhaustive explorer: every configuration's connection — client table × server table × two
 * FIFO channels × a budget of network faults — searched breadth-first, so each counterexample is
 * a shortest one. Configurations are independent searches; with several threads they run in
 * parallel and are merged in configuration order, so ids, lists and counts do not depend on the
 * thread count.
 */
public final class Explorer {

  private Explorer() {}

  public static ExplorationReport explore(ExploreOptions options) {
    return explore(options, ExploreListener.NONE);
  }

  public static ExplorationReport explore(ExploreOptions options, ExploreListener listener) {
    long start = System.nanoTime();
    listener.started(options);
    boolean keepGraph = listener.wantsStates();
    List<Configuration> configs = options.configurations();
    Merger merger = new Merger(options, listener);
    if (options.threads() == 1 || configs.size() == 1) {
      for (Configuration c : configs) {
        merger.add(search(options, c, keepGraph));
      }
    } else {
      ExecutorService pool = Executors.newFixedThreadPool(options.threads(), r -> {
        Thread t = new Thread(r, "hslab-explore");
        t.setDaemon(true);
        return t;
      });
      try {
        List<Future<SearchResult>> futures = new ArrayList<>();
        for (Configuration c : configs) {
          futures.add(pool.submit(() -> search(options, c, keepGraph)));
        }
        for (Future<SearchResult> f : futures) {
          merger.add(f.get());
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("exploration interrupted", e);
      } catch (ExecutionException e) {
        throw new IllegalStateException("exploration failed: " + e.getCause(), e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
    ExplorationReport report = merger.report((System.nanoTime() - start) / 1e9);
    listener.finished(report);
    return report;
  }

  private static SearchResult search(ExploreOptions o, Configuration c, boolean keepGraph) {
    Model model = new Model(c, o.clientTable(), o.serverTable(), ScriptStep.of(c), o.faults(), o.faultKinds());
    return new Search(model, o.maxStatesPerConfiguration(), keepGraph).run();
  }

  /** Folds search results into the report, in configuration order. */
  private static final class Merger {
    private final ExploreOptions options;
    private final ExploreListener listener;
    private long states;
    private long transitions;
    private final Map<String, Long> outcomes = new TreeMap<>();
    private long deadlockCount;
    private final List<Finding> deadlocks = new ArrayList<>();
    private long violationCount;
    private final List<Finding> violations = new ArrayList<>();
    private final List<ValidPath> paths = new ArrayList<>();
    private double bytes;
    private boolean complete = true;

    Merger(ExploreOptions options, ExploreListener listener) {
      this.options = options;
      this.listener = listener;
    }

    void add(SearchResult r) {
      int offset = (int) states;
      if (r.graph() != null) {
        for (int i = 0; i < r.graph().size(); i++) {
          int p = r.graph().parent(i);
          listener.stateDiscovered(offset + i, p < 0 ? -1 : offset + p, p < 0 ? "initial" : Move.decode(r.graph().move(i)).toString());
        }
      }
      states += r.states();
      transitions += r.transitions();
      bytes += r.bytesPerState() * r.states();
      r.outcomes().forEach((k, v) -> outcomes.merge(k, v, Long::sum));
      deadlockCount += r.deadlocks();
      if (r.firstDeadlock() != null) {
        listener.deadlock(r.firstDeadlock());
        if (deadlocks.size() < options.maxFindings()) {
          deadlocks.add(r.firstDeadlock());
        }
      }
      violationCount += r.violationCount();
      for (Finding f : r.violations()) {
        listener.violation(f);
        if (violations.size() < options.maxFindings()) {
          violations.add(f);
        }
      }
      paths.addAll(r.paths());
      complete &= r.complete();
      listener.configurationExplored(r.config(), r.states(), r.transitions());
    }

    ExplorationReport report(double seconds) {
      return new ExplorationReport(options.configurations().size(), options.faults(), states, transitions,
          new TreeMap<>(outcomes), deadlockCount, deadlocks, violationCount, violations, paths,
          states == 0 ? 0 : bytes / states, complete, seconds);
    }
  }
}
