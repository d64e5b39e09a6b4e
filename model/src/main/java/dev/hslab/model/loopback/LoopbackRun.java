package dev.hslab.model.loopback;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.Session;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.Bytes;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link HandshakeConfig} run over the in-memory loopback with model engines: a first
 * connection, and a resumed second one when the configuration asks for it; on the last
 * connection, application data both ways, the renegotiation if any, data again, and close_notify
 * from the client.
 */
public final class LoopbackRun {

  /** One connection's trace and its two engines after the run. */
  public record Connection(Trace trace, Engine client, Engine server) {}

  /**
   * Makes the engines of a run: connection {@code n} (from 1) of {@code side} with its config.
   * A real engine resumes through its own per-run context, so a maker is used for one run only.
   */
  @FunctionalInterface
  public interface EngineMaker {
    Engine make(Side side, int connection, EngineConfig config);

    /** Model engines on both sides. */
    EngineMaker MODEL = (side, n, config) -> ModelEngine.create(config);
  }

  private LoopbackRun() {}

  public static List<Connection> run(HandshakeConfig hc) {
    return run(hc, EngineMaker.MODEL);
  }

  public static List<Connection> run(HandshakeConfig hc, EngineMaker engines) {
    return run(hc, engines, Side.CLIENT);
  }

  /** As {@link #run(HandshakeConfig, EngineMaker)}, with {@code closes} sending the first close_notify. */
  public static List<Connection> run(HandshakeConfig hc, EngineMaker engines, Side closes) {
    Credentials creds = Credentials.forSeed(hc.seed());
    SessionCache cache = new SessionCache(1024);
    List<Connection> out = new ArrayList<>();
    int connections = hc.resumption() == Resumption.NONE ? 1 : 2;
    Optional<Session> resume = Optional.empty();
    for (int n = 1; n <= connections; n++) {
      Engine client = engines.make(Side.CLIENT, n, EngineConfigs.client(hc, creds, n, resume));
      Engine server = engines.make(Side.SERVER, n, EngineConfigs.server(hc, creds, n, cache));
      Trace t = Loopback.run(client, server, script(hc, n == connections, closes));
      out.add(new Connection(t, client, server));
      if (!client.established() && client.negotiated().isEmpty()) {
        break; // the first connection failed: nothing to resume
      }
      resume = client instanceof ModelEngine<?> m ? m.session() : Optional.empty();
    }
    return out;
  }

  /** What the applications do once the handshake is done (the actors' simulations run the same). */
  public static List<Loopback.Action> script(HandshakeConfig hc, boolean last) {
    return script(hc, last, Side.CLIENT);
  }

  /**
   * A request and a response; on the last connection the renegotiation, if any, and another
   * exchange; then close_notify from {@code closes}.
   */
  public static List<Loopback.Action> script(HandshakeConfig hc, boolean last, Side closes) {
    List<Loopback.Action> s = new ArrayList<>(exchange("first"));
    if (last && hc.renegotiation() != Renegotiation.NONE) {
      s.add(new Loopback.Action.Renegotiate(hc.renegotiation() == Renegotiation.CLIENT ? Side.CLIENT : Side.SERVER));
      s.addAll(exchange("after renegotiation"));
    }
    s.add(new Loopback.Action.Close(closes));
    return s;
  }

  private static List<Loopback.Action> exchange(String when) {
    return List.of(
        new Loopback.Action.Send(Side.CLIENT, text("GET / (" + when + ")")),
        new Loopback.Action.Send(Side.SERVER, text("200 OK (" + when + ")")));
  }

  public static Bytes text(String s) {
    return Bytes.wrap(s.getBytes(StandardCharsets.UTF_8));
  }
}
