/**
 * The model engine: executes a role's transition table with real messages, records and crypto as a
 * pure step (bytes or an event in, records and events out), behind the {@link
 * dev.hslab.model.engine.Engine} interface that the real engines implement too. May use:
 * model.wire, model.suite, model.record, model.record.protect, model.message,
 * model.message.extension, model.handshake, model.crypto, model.crypto.sig, model.crypto.kex,
 * model.pki.
 */
package dev.hslab.model.engine;
