/**
 * A connection's configuration: the handshake options, the configuration space the commands range
 * over, credentials from the seed, and the engine configurations they give. May use: model.wire,
 * model.suite, model.handshake, model.crypto, model.pki, model.engine.
 */
package dev.hslab.model.config;
