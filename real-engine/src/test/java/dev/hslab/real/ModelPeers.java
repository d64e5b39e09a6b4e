package dev.hslab.real;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.Session;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The model engine against a real engine over the loopback, configured from one
 * {@link HandshakeConfig} through {@link EngineConfigs} (the same path as {@code hslab run}). The
 * real engine decodes its peer's protected records with the model's master secret.
 */
final class ModelPeers {

  static final long SEED = 5;

  /** One connection: the trace, and the two engines after it. */
  record Run(Trace trace, ModelEngine<?> model, JsseEngine real) {
    Engine client() {
      return model.side() == Side.CLIENT ? model : real;
    }

    Engine server() {
      return model.side() == Side.SERVER ? model : real;
    }

    /** What the real engine sent ({@code sent.x}) and received ({@code recv.x}), in its own order. */
    List<String> realView() {
      List<String> out = new ArrayList<>();
      for (EngineEvent e : trace.engineEvents(real.side())) {
        if (e instanceof EngineEvent.MessageSent s) {
          out.add("sent." + s.message().label());
        } else if (e instanceof EngineEvent.MessageReceived r) {
          out.add("recv." + r.message().label());
        }
      }
      return out;
    }

    List<MessageInfo> realReceived() {
      return Connections.events(trace, real.side(), EngineEvent.MessageReceived.class).stream()
          .map(EngineEvent.MessageReceived::message).toList();
    }
  }

  private ModelPeers() {}

  static HandshakeConfig config(ProtocolVersion v, KeyExchange kex, CipherSuite suite, ClientCertificate cert,
      Resumption resumption) {
    ClientAuth policy = cert == ClientCertificate.NONE ? ClientAuth.NONE : ClientAuth.REQUIRE;
    return new HandshakeConfig(v, v, v, v, kex, List.of(suite), policy, cert, resumption, Renegotiation.NONE, false, SEED);
  }

  static Credentials credentials() {
    TestPki.init(); // legacy TLS enabled before the first engine
    return Credentials.forSeed(SEED);
  }

  /** A model client against {@code provider}'s server; connection n resumes {@code resume}. */
  static final class RealServer {
    final JsseEngineFactory factory;
    final HandshakeConfig hc;

    RealServer(JsseProvider provider, HandshakeConfig hc) {
      this.hc = hc;
      this.factory = JsseEngineFactory.create(provider, EngineConfigs.server(hc, credentials(), 1, new SessionCache(16)));
    }

    Run connect(int n, Optional<Session> resume, List<Loopback.Action> script) {
      ModelEngine<?> model = ModelEngine.create(EngineConfigs.client(hc, credentials(), n, resume));
      JsseEngine real = factory.newEngine();
      // A resuming model client reads the ServerHello only after the real server sent its CCS and
      // Finished with it: the model tells the offered session's secret from the ServerHello seen.
      real.decryptWith(model::masterSecret);
      return new Run(Loopback.run(model, real, script), model, real);
    }
  }

  /** {@code provider}'s client against a model server; all connections share the server's cache. */
  static final class RealClient {
    final JsseEngineFactory factory;
    final HandshakeConfig hc;
    final SessionCache cache = new SessionCache(16);

    RealClient(JsseProvider provider, HandshakeConfig hc) {
      this.hc = hc;
      this.factory = JsseEngineFactory.create(provider, EngineConfigs.client(hc, credentials(), 1, Optional.empty()));
    }

    Run connect(int n, List<Loopback.Action> script) {
      ModelEngine<?> model = ModelEngine.create(EngineConfigs.server(hc, credentials(), n, cache));
      JsseEngine real = factory.newEngine(Credentials.SERVER_NAME, 443);
      real.decryptWith(model::masterSecret);
      return new Run(Loopback.run(real, model, script), model, real);
    }
  }
}
