package dev.hslab.model.engine;

import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;

/**
 * The outcome of a completed handshake as one side sees it (docs/cli.md {@code negotiated}).
 * The master secret is here for the invariants ("both sides derived the same keys") and the key
 * log that lets Wireshark decrypt a capture.
 */
public record Negotiated(
    ProtocolVersion version,
    CipherSuite cipherSuite,
    boolean resumed,
    boolean clientAuthenticated,
    boolean extendedMasterSecret,
    boolean secureRenegotiation,
    Bytes sessionId,
    Bytes clientRandom,
    Bytes masterSecret) {}
