package dev.hslab.real.learn;

import dev.hslab.model.handshake.MessageKind;
import java.util.List;
import net.automatalib.automaton.transducer.impl.CompactMealy;

/**
 * A learned machine and how it was learned.
 *
 * @param engine {@code model}, {@code jsse}, {@code bcjsse}
 * @param machine the learned Mealy machine, minimal
 * @param queries membership queries the learner and the counterexample search asked
 * @param runs input sequences run against a fresh engine (cache misses times repeats)
 * @param rounds counterexamples that refined the hypothesis
 * @param seconds wall-clock time of the learning (not virtual time: engines are run, not simulated)
 * @param differences where the machine answers differently from the tables' projection, shortest first
 */
public record LearnResult(String engine, LearnSetup setup, CompactMealy<MessageKind, String> machine, long queries,
    long runs, int rounds, double seconds, List<Difference> differences) {

  public LearnResult {
    differences = List.copyOf(differences);
  }

  public int states() {
    return machine.size();
  }
}
