package dev.hslab.model.engine;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.crypto.kex.PskStore;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.message.HandshakeFragmenter;
import dev.hslab.model.pki.ChainValidator;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.security.cert.X509Certificate;
import java.time.Instant;
import java.util.List;
import java.util.Objects;
import java.util.Optional;

/**
 * Everything one endpoint is configured with; the model engine and the real engines read the
 * same record (docs/architecture.md principle 6). Build it with {@link EngineConfigBuilder}.
 *
 * @param cipherSuites the client's offer, or the server's preference, in order
 * @param groups supported (EC)DHE groups in preference order
 * @param identities the server's certificates (one per key type it can use) or the client's (at most one)
 * @param trust the trust anchors that validate the peer's chain (a validator shared between
 *     connections, as a TLS stack shares its trust manager)
 * @param verifyPeer false lets a failed chain validation pass (reported, not fatal)
 * @param serverName the client's SNI and the name it checks; the server's own name
 * @param pskIdentity the client's PSK identity (RFC 4279)
 * @param psks the server's PSKs by identity; the client's key is looked up under its identity
 * @param pskHint the server's identity hint, if it sends one
 * @param resume the session a client offers to resume
 * @param sessionCache the server's session cache (null: no resumption by ID)
 * @param tickets offer (client) or issue (server) RFC 5077 tickets
 * @param ticketKey the server's ticket protection key (32 bytes)
 * @param extendedMasterSecret offer (client) or accept (server) RFC 7627
 * @param allowRenegotiation accept renegotiation started by the peer (RFC 5746 secure only)
 * @param now the time certificates are validated at
 * @param recordMode each handshake message in its own record (simulation) or coalesced
 */
public record EngineConfig(
    Side side,
    ProtocolVersion minVersion,
    ProtocolVersion maxVersion,
    List<CipherSuite> cipherSuites,
    List<NamedGroup> groups,
    List<SignatureScheme> signatureSchemes,
    ClientAuth clientAuth,
    List<Identity> identities,
    ChainValidator trust,
    boolean verifyPeer,
    String serverName,
    Optional<Bytes> pskIdentity,
    PskStore psks,
    Optional<Bytes> pskHint,
    Optional<Session> resume,
    SessionCache sessionCache,
    boolean tickets,
    Bytes ticketKey,
    boolean extendedMasterSecret,
    boolean allowRenegotiation,
    Instant now,
    HandshakeFragmenter.Mode recordMode,
    RandomSource random) {

  public EngineConfig {
    cipherSuites = List.copyOf(cipherSuites);
    groups = List.copyOf(groups);
    signatureSchemes = List.copyOf(signatureSchemes);
    identities = List.copyOf(identities);
    Objects.requireNonNull(trust, "trust");
    if (minVersion.isDtls() != maxVersion.isDtls()) {
      throw new IllegalArgumentException("minVersion " + minVersion.displayName() + " and maxVersion "
          + maxVersion.displayName() + " are not of one protocol");
    }
    if (minVersion.compareTo(maxVersion) > 0) {
      throw new IllegalArgumentException("minVersion " + minVersion.displayName() + " above maxVersion " + maxVersion.displayName());
    }
  }

  /** The certificates {@link #trust} trusts. */
  public List<X509Certificate> trustAnchors() {
    return trust.trustAnchors();
  }

  public static EngineConfigBuilder client(RandomSource random) {
    return new EngineConfigBuilder(Side.CLIENT, random);
  }

  public static EngineConfigBuilder server(RandomSource random) {
    return new EngineConfigBuilder(Side.SERVER, random);
  }

  public EngineConfigBuilder toBuilder() {
    return new EngineConfigBuilder(this);
  }

  /** Whether this endpoint speaks DTLS (RFC 6347): its versions are DTLS versions. */
  public boolean dtls() {
    return maxVersion.isDtls();
  }

  /** The versions this endpoint accepts, lowest first: TLS ones, or DTLS ones for a DTLS endpoint. */
  public List<ProtocolVersion> versions() {
    return (dtls() ? ProtocolVersion.DTLS : ProtocolVersion.SUPPORTED).stream()
        .filter(v -> v.compareTo(minVersion) >= 0 && v.compareTo(maxVersion) <= 0).toList();
  }
}
