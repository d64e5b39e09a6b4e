package dev.hslab.bench;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.pki.KeyType;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The floor of a full handshake: one operation is exactly the public-key work that a TLS 1.2
 * handshake of the suite cannot avoid, with the fastest provider per primitive
 * ({@link PublicKeyOps}), on the same pooled identities as {@link HandshakeBenchmark}:
 * <ul>
 *   <li>ECDHE (RFC 8422 section 5.4): the server signs its ServerKeyExchange; the client verifies
 *       the server chain's signatures below the root and the ServerKeyExchange signature; both
 *       ephemeral X25519 keys are generated and both agreements computed;
 *   <li>RSA (RFC 5246 section 7.4.7.1): the chain verification, the client's encryption and the
 *       server's decryption of the premaster secret;
 *   <li>client authentication adds the client's CertificateVerify signature, its verification and
 *       the verification of the client chain's signatures.
 * </ul>
 */
public class FloorBenchmark extends ThroughputBenchmark {

  @Param({"ECDHE_RSA", "ECDHE_ECDSA", "RSA", "ECDHE_RSA_AUTH"})
  public Suite suite;

  @Param({"16"})
  public int pool;

  /**
   * One peer's keys, converted once into what the chosen provider takes; except the leaf's EC
   * public key, kept as its encoding and decoded by every operation: a peer presents a fresh
   * certificate per connection, so its verifier cannot have the point precomputation that
   * BouncyCastle builds up for a key that verifies many signatures (the issuers' keys, shared by
   * every chain, may have it: a client that has met the CA keeps them).
   */
  private record Peer(X509Certificate leaf, List<X509Certificate> chain, List<ECPublicKeyParameters> issuers,
      PrivateKey rsaPrivate, PublicKey rsaPublic, ECPrivateKeyParameters ecPrivate, byte[] ecPublicSpki) {}

  private PublicKeyOps ops;
  private Peer[] servers;
  private Peer[] clients;
  private byte[] message;
  private byte[] premaster;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    RandomSource r = RandomSource.seeded(3).fork("floor/" + suite);
    ops = new PublicKeyOps(r.fork("ops").asSecureRandom());
    // What a ServerKeyExchange signs: both randoms and the ECDHE parameters (RFC 8422 section 5.4).
    message = r.fork("message").nextBytes(32 + 32 + 4 + 32);
    premaster = java.util.Arrays.copyOf(message, 48); // RFC 5246 section 7.4.7.1
    servers = peers(Identities.servers(suite.serverKey(), pool));
    clients = suite.clientAuth() ? peers(Identities.clients(KeyType.RSA_2048, pool)) : null;
    floor();
  }

  private Peer[] peers(List<Identity> ids) throws Exception {
    X509Certificate root = Identities.ca().rootCertificate();
    Peer[] out = new Peer[ids.size()];
    for (int i = 0; i < out.length; i++) {
      Identity id = ids.get(i);
      boolean rsa = id.privateKey().getAlgorithm().equals("RSA");
      out[i] = new Peer(id.leaf(), id.chain(), PublicKeyOps.issuerKeys(id, root),
          rsa ? ops.rsaPrivate(id.privateKey()) : null, rsa ? ops.rsaPublic(id.leaf().getPublicKey()) : null,
          rsa ? null : PublicKeyOps.ecPrivate(id.privateKey()), rsa ? null : id.leaf().getPublicKey().getEncoded());
    }
    return out;
  }

  @Benchmark
  public int floor() throws GeneralSecurityException, IOException {
    int i = next;
    next = (i + 1) % pool;
    Peer server = servers[i];
    ops.verifyChain(server.chain(), server.issuers());
    if (suite == Suite.RSA) {
      ops.rsaKeyTransport(server.rsaPublic(), server.rsaPrivate(), premaster);
      return i;
    }
    signAndVerify(server);
    ops.x25519Exchange();
    if (clients != null) {
      Peer client = clients[i];
      ops.verifyChain(client.chain(), client.issuers());
      signAndVerify(client);
    }
    return i;
  }

  private void signAndVerify(Peer p) throws GeneralSecurityException, IOException {
    if (p.rsaPrivate() != null) {
      ops.rsaVerify(p.rsaPublic(), message, ops.rsaSign(p.rsaPrivate(), message));
    } else {
      BigInteger[] rs = ops.ecdsaSign(p.ecPrivate(), message);
      ops.ecdsaVerify(PublicKeyOps.ecPublic(p.ecPublicSpki()), message, rs[0], rs[1]);
    }
  }
}
