package dev.hslab.model.explore;

/**
 * What an exploration reports while it runs (JPF's {@code SearchListener}). Every method has a
 * no-op default. Calls come from the thread that called {@link Explorer#explore}, in a fixed
 * order whatever the number of worker threads: configuration by configuration, in the order of
 * {@link ExploreOptions#configurations()}.
 */
public interface ExploreListener {

  ExploreListener NONE = new ExploreListener() {};

  default void started(ExploreOptions options) {}

  /** Whether {@link #stateDiscovered} is wanted: it costs memory (two ints per state until merged). */
  default boolean wantsStates() {
    return false;
  }

  /**
   * A state, by its dense global id; {@code parent} is the state it was first reached from (-1
   * for a configuration's initial state) and {@code move} how.
   */
  default void stateDiscovered(int id, int parent, String move) {}

  default void violation(Finding finding) {}

  default void deadlock(Finding finding) {}

  default void configurationExplored(Configuration configuration, int states, long transitions) {}

  default void finished(ExplorationReport report) {}
}
