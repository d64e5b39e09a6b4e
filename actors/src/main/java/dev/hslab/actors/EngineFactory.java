package dev.hslab.actors;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.ModelEngine;

/** Makes the engine for one side from its configuration: the model engine, or a real one (JSSE, BCJSSE). */
@FunctionalInterface
public interface EngineFactory {

  EngineFactory MODEL = ModelEngine::create;

  Engine create(EngineConfig config);
}
