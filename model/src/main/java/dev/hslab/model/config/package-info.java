/**
 * A run's configuration ({@code HandshakeConfig}: versions, suites, the handshake options, one or
 * two connections), credentials from the seed, and the engine configurations they give (the
 * configuration space the commands range over is the explorer's). May use: model.wire,
 * model.suite, model.handshake, model.crypto, model.pki, model.engine.
 */
package dev.hslab.model.config;
