package dev.hslab.cli;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.real.JsseEngineFactory;
import dev.hslab.real.JsseProvider;
import dev.hslab.real.JvmTlsPolicy;
import dev.hslab.real.SslEngineAdapter;
import java.util.EnumMap;
import java.util.Map;

/**
 * The engines of {@code --client-engine} / {@code --server-engine} for one run: the model engine,
 * or SunJSSE / BouncyCastle JSSE through one SSL context per side (so a second connection resumes).
 * When the model faces a real engine, the model's master secret lets the real engine's trace
 * decode the encrypted messages.
 */
final class EngineChoice implements LoopbackRun.EngineMaker {

  private final Map<Side, String> names = new EnumMap<>(Side.class);
  private final Map<Side, JsseEngineFactory> factories = new EnumMap<>(Side.class);
  private Engine client;

  EngineChoice(String clientEngine, String serverEngine) throws UsageException {
    names.put(Side.CLIENT, check("--client-engine", clientEngine));
    names.put(Side.SERVER, check("--server-engine", serverEngine));
    if (!clientEngine.equals("model") || !serverEngine.equals("model")) {
      JvmTlsPolicy.enableLegacyTlsForThisJvm(); // let a run ask real engines for TLS 1.0/1.1 and anonymous suites
    }
  }

  private static String check(String flag, String name) throws UsageException {
    if (!name.equals("model") && !name.equals("jsse") && !name.equals("bcjsse")) {
      throw new UsageException(flag + ": unknown engine '" + name + "' (allowed: model, jsse, bcjsse)");
    }
    return name;
  }

  /** Builds the real engines' contexts up front, so an unsupported configuration is a usage error. */
  void prepare(EngineConfig clientConfig, EngineConfig serverConfig) throws UsageException {
    for (Side side : Side.values()) {
      String name = names.get(side);
      if (name.equals("model")) {
        continue;
      }
      try {
        factories.put(side, JsseEngineFactory.create(JsseProvider.fromEngineName(name),
            side == Side.CLIENT ? clientConfig : serverConfig));
      } catch (IllegalArgumentException e) {
        throw new UsageException("--" + side.label() + "-engine " + name + ": " + e.getMessage());
      }
    }
  }

  @Override
  public Engine make(Side side, int connection, EngineConfig config) {
    Engine e;
    JsseEngineFactory f = factories.get(side);
    if (f == null) {
      e = ModelEngine.create(config);
    } else {
      e = f.datagram() ? f.newDtlsEngine()
          : side == Side.CLIENT ? f.newEngine(Credentials.SERVER_NAME, 443) : f.newEngine();
    }
    if (side == Side.CLIENT) {
      client = e;
    } else {
      wireSecrets(client, e);
    }
    return e;
  }

  private static void wireSecrets(Engine c, Engine s) {
    if (c instanceof ModelEngine<?> model && s instanceof SslEngineAdapter real) {
      real.decryptWith(model::masterSecret);
    } else if (s instanceof ModelEngine<?> model && c instanceof SslEngineAdapter real) {
      real.decryptWith(model::masterSecret);
    }
  }

  String name(Side side) {
    return names.get(side);
  }

}
