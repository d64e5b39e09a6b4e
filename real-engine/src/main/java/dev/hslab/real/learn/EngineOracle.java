package dev.hslab.real.learn;

import dev.hslab.model.concrete.MessageSamples;
import dev.hslab.model.config.Credentials;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.ScriptedPeer;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.wire.Bytes;
import de.learnlib.oracle.MembershipOracle;
import de.learnlib.query.Query;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import net.automatalib.word.Word;

/**
 * The membership oracle: answers an input sequence by running it against a fresh engine under
 * learning, the scripted peer sending each input as a concrete message and labelling what the
 * engine sends back. The answer to one input is the engine's messages in order, joined by a
 * space ({@code server_hello certificate server_key_exchange server_hello_done}), {@link #SILENT}
 * when it sends nothing, with {@link #CLOSED} added when the engine ends the connection on it (a
 * fatal alert sent or received, a completed close); once closed, every later input is answered
 * {@code closed} without being sent, as a peer on a closed socket sees it. A client under
 * learning sends its ClientHello on start: that belongs to the reset, not to any input.
 *
 * <p>Answers are cached, every prefix with them. Each sequence not in the cache is run {@code
 * repeats} times and a cached prefix must agree: a different answer is {@link Nondeterminism}.
 */
public final class EngineOracle implements MembershipOracle.MealyMembershipOracle<MessageKind, String> {

  /** The answer of an engine that sent nothing. */
  public static final String SILENT = "-";
  /** The engine closed the connection (docs/cli.md {@code learn}). */
  public static final String CLOSED = "closed";

  private final LearnSetup setup;
  private final Sul sul;
  private final int repeats;
  private final Credentials creds;
  private final MessageSamples samples;
  private final Map<List<MessageKind>, List<String>> cache = new HashMap<>();
  private long queries;
  private long runs;

  public EngineOracle(LearnSetup setup, Sul sul, int repeats) {
    if (repeats < 1) {
      throw new IllegalArgumentException("repeats must be at least 1");
    }
    this.setup = setup;
    this.sul = sul;
    this.repeats = repeats;
    this.creds = Credentials.forSeed(setup.config().seed());
    this.samples = MessageSamples.forConfig(setup.config());
  }

  /** Membership queries asked, cache hits included. */
  public long queries() {
    return queries;
  }

  /** Input sequences actually run against a fresh engine (repeats included). */
  public long runs() {
    return runs;
  }

  @Override
  public void processQueries(Collection<? extends Query<MessageKind, Word<String>>> qs) {
    for (Query<MessageKind, Word<String>> q : qs) {
      List<String> all = answer(q.getInput().asList());
      q.answer(Word.fromList(all.subList(q.getPrefix().length(), all.size())));
    }
  }

  /** The engine's answers to every input of {@code inputs}, from the cache or from runs. */
  public List<String> answer(List<MessageKind> inputs) {
    queries++;
    List<MessageKind> key = List.copyOf(inputs);
    List<String> cached = cache.get(key);
    if (cached != null) {
      return cached;
    }
    List<String> out = run(key);
    for (int i = 1; i < repeats; i++) {
      List<String> again = run(key);
      if (!again.equals(out)) {
        throw new Nondeterminism(key, out, again);
      }
    }
    for (int n = key.size(); n >= 0; n--) {
      List<String> before = cache.putIfAbsent(key.subList(0, n), out.subList(0, n));
      if (before != null && !before.equals(out.subList(0, n))) {
        throw new Nondeterminism(key.subList(0, n), before, out.subList(0, n));
      }
    }
    return out;
  }

  /** One run of {@code inputs} against a fresh engine and a fresh scripted peer. */
  private List<String> run(List<MessageKind> inputs) {
    runs++;
    Engine engine = sul.create(setup.engineConfig(setup.role(), creds));
    ScriptedPeer peer = new ScriptedPeer(setup.engineConfig(setup.role().peer(), creds),
        kind -> samples.get(setup.role().peer(), kind));
    peer.receive(engine.start().records());
    List<String> out = new ArrayList<>(inputs.size());
    for (MessageKind input : inputs) {
      if (engine.terminal()) {
        out.add(CLOSED);
        continue;
      }
      List<String> labels = new ArrayList<>();
      for (Bytes record : peer.send(input)) {
        if (engine.terminal()) {
          break;
        }
        Step step = engine.receive(record);
        labels.addAll(peer.receive(step.records()));
      }
      if (engine.terminal()) {
        labels.add(CLOSED);
      }
      out.add(labels.isEmpty() ? SILENT : String.join(" ", labels));
    }
    return List.copyOf(out);
  }
}
