package dev.hslab.real.learn;

import de.learnlib.acex.AcexAnalyzers;
import de.learnlib.algorithm.ttt.mealy.TTTLearnerMealy;
import de.learnlib.algorithm.ttt.mealy.TTTLearnerMealyBuilder;
import de.learnlib.query.DefaultQuery;
import dev.hslab.model.handshake.MessageKind;
import java.util.List;
import java.util.Optional;
import net.automatalib.alphabet.Alphabet;
import net.automatalib.alphabet.impl.Alphabets;
import net.automatalib.automaton.transducer.MealyMachine;
import net.automatalib.automaton.transducer.impl.CompactMealy;
import net.automatalib.util.automaton.minimizer.HopcroftMinimizer;
import net.automatalib.word.Word;

/**
 * Learns one engine's Mealy machine with TTT (Isberner, Howar and Steffen 2014) over the cached
 * {@link EngineOracle}, refining the hypothesis with each counterexample {@link
 * CounterexampleSearch} finds until it finds none, then compares it with the tables' projection.
 */
public final class Learner {

  private Learner() {}

  /**
   * @throws Nondeterminism when the engine answers one sequence in two ways
   */
  public static LearnResult learn(LearnSetup setup, Sul sul, CounterexampleSearch search, int repeats) {
    long started = System.nanoTime();
    Alphabet<MessageKind> alphabet = Alphabets.fromList(setup.inputs());
    EngineOracle oracle = new EngineOracle(setup, sul, repeats);
    TTTLearnerMealy<MessageKind, String> ttt = new TTTLearnerMealyBuilder<MessageKind, String>()
        .withAlphabet(alphabet).withOracle(oracle).withAnalyzer(AcexAnalyzers.BINARY_SEARCH_FWD).create();
    ttt.startLearning();
    int rounds = 0;
    while (true) {
      MealyMachine<?, MessageKind, ?, String> h = ttt.getHypothesisModel();
      Optional<List<MessageKind>> ce = search.find(h, oracle, setup);
      if (ce.isEmpty()) {
        break;
      }
      rounds++;
      Word<MessageKind> in = Word.fromList(ce.get());
      ttt.refineHypothesis(new DefaultQuery<>(in, Word.fromList(oracle.answer(ce.get()))));
    }
    CompactMealy<MessageKind, String> machine = HopcroftMinimizer.minimizeMealy(ttt.getHypothesisModel(), alphabet);
    CompactMealy<MessageKind, String> model = TableProjection.of(setup);
    List<Difference> diffs = MachineDiff.differences(machine, model, setup.inputs());
    double seconds = (System.nanoTime() - started) / 1e9;
    return new LearnResult(sul.name(), setup, machine, oracle.queries(), oracle.runs(), rounds, seconds, diffs);
  }
}
