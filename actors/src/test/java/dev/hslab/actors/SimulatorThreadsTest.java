package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.Bytes;
import java.time.Duration;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;

/** A simulator limited to N dispatcher threads runs every engine call on at most N threads, with the same results. */
class SimulatorThreadsTest {

  private static final int CONNECTIONS = 24;

  @Test
  void oneThreadRunsEveryEngineCallOnOneThreadAndTwoOnAtMostTwo() {
    Set<Thread> one = ConcurrentHashMap.newKeySet();
    Set<Thread> two = ConcurrentHashMap.newKeySet();
    List<String> onOne;
    List<String> onTwo;
    try (Simulator sim = Simulator.start(Duration.ofMinutes(2), 1)) {
      onOne = outcomes(sim, one);
    }
    try (Simulator sim = Simulator.start(Duration.ofMinutes(2), 2)) {
      onTwo = outcomes(sim, two);
    }
    assertThat(one).hasSize(1);
    assertThat(one.iterator().next()).isNotEqualTo(Thread.currentThread());
    assertThat(two).hasSizeBetween(1, 2);
    // 5% loss: some connections fail, and which ones does not depend on the threads.
    assertThat(onOne).hasSize(CONNECTIONS).isEqualTo(onTwo)
        .anyMatch(o -> o.startsWith("established "))
        .anyMatch(o -> !o.startsWith("established"));
  }

  @Test
  void aThreadCountBelowOneIsRefused() {
    assertThatThrownBy(() -> Simulator.start(Duration.ofSeconds(1), 0))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("threads");
  }

  private static List<String> outcomes(Simulator sim, Set<Thread> threads) {
    HandshakeConfig hc = HandshakeConfig.reference().withSeed(21);
    Credentials creds = Credentials.forSeed(21);
    SessionCache cache = new SessionCache(64);
    NetworkOptions lossy = NetworkOptions.perfect().withLoss(0.05);
    return sim.runAll(CONNECTIONS, n -> new ConnectionSpec(n,
        new Recording(ModelEngine.create(EngineConfigs.client(hc, creds, n, Optional.empty())), threads),
        new Recording(ModelEngine.create(EngineConfigs.server(hc, creds, n, cache)), threads),
        Simulations.script(hc, true), lossy, Simulations.networkRandom(21, n)), CONNECTIONS, false)
        .stream().map(r -> r.outcome().code() + " at " + r.endTimeMs()).toList();
  }

  /** Records the thread of every call that does the engine's work. */
  private record Recording(Engine inner, Set<Thread> threads) implements Engine {

    private <T> T on(T t) {
      threads.add(Thread.currentThread());
      return t;
    }

    @Override public Side side() { return inner.side(); }
    @Override public String name() { return inner.name(); }
    @Override public Step start() { return on(inner.start()); }
    @Override public Step receive(Bytes data) { return on(inner.receive(data)); }
    @Override public Step send(Bytes d) { return on(inner.send(d)); }
    @Override public Step renegotiate() { return on(inner.renegotiate()); }
    @Override public Step close() { return on(inner.close()); }
    @Override public Step timeout() { return on(inner.timeout()); }
    @Override public String state() { return inner.state(); }
    @Override public String waitingFor() { return inner.waitingFor(); }
    @Override public boolean established() { return inner.established(); }
    @Override public boolean terminal() { return inner.terminal(); }
    @Override public Optional<Negotiated> negotiated() { return inner.negotiated(); }
  }
}
