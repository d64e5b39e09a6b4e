/**
 * Active automata learning of the state machine an engine really implements (de Ruiter and Poll,
 * USENIX Security 2015), with LearnLib's TTT: the alphabet is the table's message kinds, the
 * mapper is a {@link dev.hslab.model.engine.ScriptedPeer} that builds each message with the keys it
 * has so far and labels each answer, a fresh engine per query. The model engine's learned machine
 * equals the projection of the transition tables onto the alphabet ({@link TableProjection}),
 * which checks learner and mapper; a real engine's machine is compared with that projection
 * ({@link MachineDiff}). May use: model (engine, handshake, config, concrete, explore, wire),
 * real, LearnLib ({@code de.learnlib}), AutomataLib ({@code net.automatalib}).
 */
package dev.hslab.real.learn;
