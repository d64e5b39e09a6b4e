package dev.hslab.model.engine;

import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.message.HandshakeMessage;
import dev.hslab.model.wire.Bytes;

/** One message the peer sent, decoded: its kind for the table, the message for the action. */
record Incoming(MessageKind kind, HandshakeMessage message, Bytes encoding) {}
