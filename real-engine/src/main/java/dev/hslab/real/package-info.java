/**
 * The real engines behind the model's {@link dev.hslab.model.engine.Engine} interface: SunJSSE and
 * BCJSSE driven through SSLEngine, with our own codecs reading both directions of the wire. The
 * real-engine module depends on model only. May use: model.wire, model.suite, model.record,
 * model.record.protect, model.message, model.message.extension, model.handshake, model.crypto,
 * model.pki, model.engine.
 */
package dev.hslab.real;
