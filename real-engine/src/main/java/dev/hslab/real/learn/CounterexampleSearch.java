package dev.hslab.real.learn;

import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.Deviation;
import dev.hslab.model.explore.Deviations;
import dev.hslab.model.explore.Mutation;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Iterator;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;
import net.automatalib.automaton.transducer.MealyMachine;
import net.automatalib.util.automaton.conformance.WMethodTestsIterator;
import net.automatalib.word.Word;

/**
 * The equivalence oracle: looks for an input sequence on which the hypothesis and the engine
 * answer differently, in three passes, cheapest first: the explorer's deviant traces of the
 * configuration (model.explore.Deviations: each valid path with one message skipped, repeated,
 * swapped or injected, as the scripted peer's inputs), a W-method bounded to {@code depth} extra
 * states, then {@code walks} random words (seeded) of up to {@code walkLength} inputs. The first
 * sequence found is the counterexample.
 *
 * @param depth the W-method's bound on states the hypothesis may be missing
 * @param walks how many random words
 * @param walkLength the longest random word
 * @param seed the random words' seed: same seed, same words
 */
public record CounterexampleSearch(int depth, int walks, int walkLength, long seed) {

  public static CounterexampleSearch defaults(long seed) {
    return new CounterexampleSearch(1, 300, 10, seed);
  }

  /** A sequence on which {@code hypothesis} and the engine differ, or empty. */
  public Optional<List<MessageKind>> find(MealyMachine<?, MessageKind, ?, String> hypothesis, EngineOracle oracle,
      LearnSetup setup) {
    for (List<MessageKind> w : deviantWords(setup)) {
      if (differs(hypothesis, oracle, w)) {
        return Optional.of(w);
      }
    }
    Iterator<Word<MessageKind>> wm = new WMethodTestsIterator<>(hypothesis, setup.inputs(), depth);
    while (wm.hasNext()) {
      List<MessageKind> w = wm.next().asList();
      if (differs(hypothesis, oracle, w)) {
        return Optional.of(w);
      }
    }
    Random random = new Random(seed);
    for (int i = 0; i < walks; i++) {
      int n = 1 + random.nextInt(walkLength);
      List<MessageKind> w = new ArrayList<>(n);
      for (int j = 0; j < n; j++) {
        w.add(setup.inputs().get(random.nextInt(setup.inputs().size())));
      }
      if (differs(hypothesis, oracle, w)) {
        return Optional.of(w);
      }
    }
    return Optional.empty();
  }

  private static boolean differs(MealyMachine<?, MessageKind, ?, String> h, EngineOracle oracle, List<MessageKind> w) {
    return !h.computeOutput(w).asList().equals(oracle.answer(w));
  }

  /**
   * The scripted peer's messages in each deviant trace of the canonical TLS path of the
   * configuration's version and key exchange, restricted to the alphabet; the valid path itself
   * first.
   */
  static List<List<MessageKind>> deviantWords(LearnSetup setup) {
    ProtocolVersion v = setup.config().clientMax().compareTo(setup.config().serverMax()) <= 0
        ? setup.config().clientMax() : setup.config().serverMax();
    Configuration c = Configuration.of(v, setup.config().keyExchange());
    List<String> path = Deviations.canonicalPath(c);
    Side peer = setup.role().peer();
    Set<List<MessageKind>> words = new LinkedHashSet<>();
    List<MessageKind> valid = peerMessages(path, peer);
    words.add(inAlphabet(valid, setup));
    for (Deviation d : Deviations.derive(c, path)) {
      Mutation m = d.mutation();
      if (m.sender() != peer || m.kind() == Mutation.Kind.VERSION_DOWNGRADE) {
        continue;
      }
      List<String> labels = new ArrayList<>(path);
      int at = labels.indexOf(m.target());
      if (at < 0) {
        continue;
      }
      switch (m.kind()) {
        case SKIP -> labels.remove(at);
        case REPEAT -> labels.add(at, m.target());
        case SWAP -> {
          int other = labels.indexOf(m.other());
          if (other < 0) {
            continue;
          }
          Collections.swap(labels, at, other);
        }
        default -> labels.add(at, peer.label() + "." + m.inject().label());
      }
      words.add(inAlphabet(peerMessages(labels, peer), setup));
    }
    words.remove(List.<MessageKind>of());
    return List.copyOf(words);
  }

  /** The kinds {@code peer} sends in a path of labels such as {@code client.client_key_exchange}. */
  private static List<MessageKind> peerMessages(List<String> labels, Side peer) {
    List<MessageKind> out = new ArrayList<>();
    String prefix = peer.label() + ".";
    for (String l : labels) {
      if (!l.startsWith(prefix)) {
        continue;
      }
      String name = l.substring(prefix.length());
      for (MessageKind k : MessageKind.values()) {
        if (k.label().equals(name)) {
          out.add(k);
          break;
        }
      }
    }
    return out;
  }

  private static List<MessageKind> inAlphabet(List<MessageKind> word, LearnSetup setup) {
    return word.stream().filter(setup.inputs()::contains).toList();
  }
}
