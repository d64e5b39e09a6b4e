/**
 * The bridge from abstract to concrete: replays explorer paths and deviations with real engines
 * and messages, and maps explorer configurations onto engine ones. May use: model.wire,
 * model.suite, model.record, model.handshake, model.engine, model.trace, model.config,
 * model.loopback, model.explore.
 */
package dev.hslab.model.concrete;
