package dev.hslab.actors;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.loopback.Loopback;
import java.util.List;

/**
 * What one simulated connection runs: any two engines (model, JSSE, BCJSSE), the application's
 * script once the handshake is done, the network, and the network's own random source (fork it
 * from the seed: {@code RandomSource.seeded(seed).fork("network")}).
 */
public record ConnectionSpec(int index, Engine client, Engine server, List<Loopback.Action> script,
    NetworkOptions network, RandomSource networkRandom) {

  public ConnectionSpec {
    script = List.copyOf(script);
  }
}
