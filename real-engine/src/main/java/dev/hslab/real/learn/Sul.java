package dev.hslab.real.learn;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.real.JsseEngineFactory;
import dev.hslab.real.JsseProvider;
import java.util.function.Function;

/**
 * A system under learning: how to make a fresh engine of one kind for one query, from the engine
 * configuration of its role. A JSSE engine comes from one {@link JsseEngineFactory} (one
 * SSLContext, made once): a new SSLEngine per query is the cheap reset; the scripted peer never
 * offers a session, so nothing resumes across queries.
 *
 * @param name {@code model}, {@code jsse}, {@code bcjsse}
 */
public record Sul(String name, Function<EngineConfig, Engine> factory) {

  public static Sul model() {
    return new Sul("model", ModelEngine::create);
  }

  /** A JSSE provider's engines, all from one factory made for {@code config} on first use. */
  public static Sul jsse(JsseProvider provider) {
    JsseEngineFactory[] made = new JsseEngineFactory[1];
    return new Sul(provider.engineName(), config -> {
      if (made[0] == null) {
        made[0] = JsseEngineFactory.create(provider, config);
      }
      return made[0].newEngine();
    });
  }

  public Engine create(EngineConfig config) {
    return factory.apply(config);
  }
}
