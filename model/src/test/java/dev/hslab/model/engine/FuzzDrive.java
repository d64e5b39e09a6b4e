package dev.hslab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.concrete.ConfigMapping;
import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.Optional;

/**
 * Puts a real client and server into a state chosen by fuzzer input, then hands one of them to
 * the fuzz target. Input layout: byte 0 the configuration (every legal full handshake of every
 * version × key exchange × client authentication), byte 1 the target side (bit 0) and the chunk
 * seed, byte 2 the number of driving moves, then one byte per move: deliver the next record
 * (either direction), start a renegotiation (client or server), or send application data.
 */
final class FuzzDrive {

  static final Credentials CREDS = Credentials.forSeed(11);
  static final List<HandshakeConfig> CONFIGS = ConfigMapping.runs(ConfigurationSpace.runs(), 11).stream()
      .filter(hc -> hc.resumption() == Resumption.NONE).toList();

  final ModelEngine<?> target;
  final byte[] rest;
  final int chunkSeed;

  private FuzzDrive(ModelEngine<?> target, byte[] rest, int chunkSeed) {
    this.target = target;
    this.rest = rest;
    this.chunkSeed = chunkSeed;
  }

  /** Null when the input is too short to choose a configuration. */
  static FuzzDrive drive(byte[] data) {
    if (data.length < 3) {
      return null;
    }
    HandshakeConfig hc = CONFIGS.get((data[0] & 0xff) % CONFIGS.size());
    ModelEngine<?> client = ModelEngine.create(EngineConfigs.client(hc, CREDS, 1, Optional.empty()));
    ModelEngine<?> server = ModelEngine.create(EngineConfigs.server(hc, CREDS, 1, new SessionCache(4)));
    Deque<Bytes> toServer = new ArrayDeque<>(client.start().records());
    Deque<Bytes> toClient = new ArrayDeque<>();
    int moves = Math.min((data[2] & 0xff) % 32, data.length - 3);
    for (int i = 0; i < moves; i++) {
      int op = data[3 + i] & 0x07;
      Step s;
      switch (op) {
        case 5 -> toServer.addAll(client.renegotiate().records());
        case 6 -> toClient.addAll(server.renegotiate().records());
        case 7 -> toServer.addAll(client.send(Bytes.of((byte) 'x')).records());
        default -> {
          // Even: prefer the client's records, odd: the server's; either if only one has any.
          boolean toS = !toServer.isEmpty() && (op % 2 == 0 || toClient.isEmpty());
          if (toS) {
            toClient.addAll(server.receive(toServer.poll()).records());
          } else if (!toClient.isEmpty()) {
            toServer.addAll(client.receive(toClient.poll()).records());
          }
        }
      }
    }
    ModelEngine<?> target = (data[1] & 1) == 0 ? client : server;
    byte[] rest = java.util.Arrays.copyOfRange(data, 3 + moves, data.length);
    return new FuzzDrive(target, rest, (data[1] & 0xff) >>> 1);
  }

  /** The chunk sizes in which the rest is fed: 1..64 bytes, varied by the seed. */
  List<byte[]> chunks() {
    List<byte[]> out = new ArrayList<>();
    int off = 0;
    for (int i = 0; off < rest.length; i++) {
      int n = Math.min(rest.length - off, 1 + ((chunkSeed * 37 + i * 13) & 0x3f));
      out.add(java.util.Arrays.copyOfRange(rest, off, off + n));
      off += n;
    }
    return out;
  }

  /**
   * The allowed outcomes of one step (issue 9): progress, or a fatal alert with the engine
   * terminal. An internal_error caused by an unchecked exception (the engine converts those into
   * an alert) is a bug in the engine, not an outcome.
   */
  static void assertAllowed(Engine engine, Step step, boolean wasTerminal) {
    boolean alertSent = false;
    boolean ended = false;
    for (EngineEvent e : step.events()) {
      if (e instanceof EngineEvent.AlertSent a) {
        assertThat(a.reason()).as("unchecked exception inside the engine").doesNotStartWith("internal error: java.");
        if (a.alert().level() == AlertLevel.FATAL) {
          alertSent = true;
        }
      }
      if (e instanceof EngineEvent.AlertReceived a && a.alert().level() == AlertLevel.FATAL
          || e instanceof EngineEvent.Closed) {
        ended = true;
      }
    }
    if (alertSent) {
      assertThat(engine.terminal()).as("a fatal alert leaves the engine terminal").isTrue();
    }
    if (engine.terminal() && !wasTerminal) {
      assertThat(alertSent || ended).as("an engine that stops says why: " + step.events()).isTrue();
    }
    if (wasTerminal) {
      assertThat(step.records()).as("nothing is sent after the end").isEmpty();
    }
  }

  Side side() {
    return target.side();
  }
}
