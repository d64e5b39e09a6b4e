package dev.hslab.model.concrete;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.ModelEngine;
import java.util.function.Function;

/**
 * The engine that plays the side that does not deviate: the model engine, or any other {@link
 * Engine} built from the same {@link EngineConfig} (JSSE, BCJSSE, from module real-engine).
 *
 * @param name {@code model}, {@code jsse}, {@code bcjsse}
 * @param factory builds one engine for one connection
 * @param resumes it can take part in a second, resumed connection set up by model engines (only
 *     the model engine shares the model's session cache and session objects)
 */
public record EngineUnderTest(String name, Function<EngineConfig, Engine> factory, boolean resumes) {

  public static final EngineUnderTest MODEL = new EngineUnderTest("model", ModelEngine::create, true);

  public Engine create(EngineConfig config) {
    return factory.apply(config);
  }
}
