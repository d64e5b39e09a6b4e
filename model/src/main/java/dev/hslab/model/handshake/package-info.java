/**
 * The transition tables, one per role, and the vocabulary they are written in (states, message
 * kinds, triggers, guards over the negotiated facts): the single source of truth for the order of
 * messages, which also answers what a side waits for and which flights the RFC allows. The message
 * kinds name their handshake types. Beside the tables, the handshake's shared vocabulary: the
 * {@code Side}, the options a configuration chooses (client authentication and certificate,
 * resumption, renegotiation) and the one {@code Outcome} of a run. May use: model.wire, model.suite, model.message.
 */
package dev.hslab.model.handshake;
