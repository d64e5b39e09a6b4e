package dev.hslab.model.concrete;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.ModelEngine;

/**
 * The engine that plays the side that does not deviate: the model engine, or any other {@link
 * Engine} built from the same {@link EngineConfig} (JSSE, BCJSSE, from module real-engine).
 *
 * @param name {@code model}, {@code jsse}, {@code bcjsse}
 * @param factory builds one engine for one connection
 * @param resumes it can take part in a second, resumed connection set up by model engines (only
 *     the model engine shares the model's session cache and session objects)
 */
public record EngineUnderTest(String name, Factory factory, boolean resumes) {

  /**
   * Builds the engine under test for one connection, opposite {@code peer}, the model engine that
   * deviates. The peer knows the handshake's master secret: a real engine's adapter reads the
   * records it protects with it (its Finished, the alert it sends after a failure), as {@code
   * hslab run} does, instead of reporting them as opaque records.
   */
  @FunctionalInterface
  public interface Factory {
    Engine create(EngineConfig config, ModelEngine<?> peer);
  }

  public static final EngineUnderTest MODEL = new EngineUnderTest("model", (config, peer) -> ModelEngine.create(config), true);

  public Engine create(EngineConfig config, ModelEngine<?> peer) {
    return factory.create(config, peer);
  }
}
