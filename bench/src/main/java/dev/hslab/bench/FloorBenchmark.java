package dev.hslab.bench;

import dev.hslab.bench.FloorOp.Party;
import dev.hslab.bench.FloorOp.Step;
import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.pki.Identity;
import java.io.IOException;
import java.math.BigInteger;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.PublicKey;
import java.security.cert.X509Certificate;
import java.util.List;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1Sequence;
import org.bouncycastle.crypto.params.ECPrivateKeyParameters;
import org.bouncycastle.crypto.params.ECPublicKeyParameters;
import org.bouncycastle.crypto.params.X25519PrivateKeyParameters;
import org.bouncycastle.crypto.params.X25519PublicKeyParameters;
import org.openjdk.jmh.annotations.Benchmark;
import org.openjdk.jmh.annotations.Level;
import org.openjdk.jmh.annotations.Param;
import org.openjdk.jmh.annotations.Setup;

/**
 * The floor of a full handshake: one operation is exactly the public-key work that a TLS 1.2
 * handshake of the suite, with chains from the CA family, cannot avoid ({@link FloorOp#steps}),
 * with the fastest provider per primitive ({@link PublicKeyOps}), on the same pooled identities as
 * {@link HandshakeBenchmark}. Inputs that only parsing or an earlier operation produce (a
 * certificate's to-be-signed bytes and signature value, the signature a verification checks, the
 * encrypted premaster, the peer's X25519 public key) are prepared in set-up; every operation's
 * result is checked (verifications, the decrypted premaster, the agreement).
 */
public class FloorBenchmark extends ThroughputBenchmark {

  @Param({"ECDHE_RSA", "ECDHE_ECDSA", "RSA", "ECDHE_RSA_AUTH"})
  public Suite suite;

  @Param({"ECDSA_P256", "RSA_2048"})
  public CaFamily ca;

  @Param({"16"})
  public int pool;

  /** A certificate below the root: what its issuer signed, the signature, and the issuer's key, converted once. */
  private record Issued(byte[] tbs, byte[] signature, BigInteger r, BigInteger s, ECPublicKeyParameters ecIssuer,
      PublicKey rsaIssuer) {}

  /**
   * One peer's keys, converted once into what the chosen provider takes; except the leaf's EC
   * public key, kept as its encoding and decoded by every verification with it: a peer presents
   * a fresh certificate per connection, so its verifier cannot have the point precomputation
   * that BouncyCastle builds up for a key that verifies many signatures (the issuers' keys, shared
   * by every chain, may have it).
   */
  private record Peer(Issued[] chain, PrivateKey rsaPrivate, PublicKey rsaPublic, byte[] rsaSignature,
      byte[] encryptedPremaster, ECPrivateKeyParameters ecPrivate, byte[] ecPublicSpki, BigInteger[] ecSignature) {}

  /** Both sides' ephemeral X25519 keys of one connection, and the secret they agree on. */
  private record Exchange(X25519PrivateKeyParameters[] privates, X25519PublicKeyParameters[] publics, byte[] shared) {}

  private PublicKeyOps ops;
  private List<Step> steps;
  private Peer[] servers;
  private Peer[] clients;
  private Exchange[] exchanges;
  private byte[] message;
  private byte[] premaster;
  private int next;

  @Setup(Level.Trial)
  public void setUp() throws Exception {
    RandomSource r = RandomSource.seeded(3).fork("floor/" + suite + "/" + ca);
    ops = new PublicKeyOps(r.fork("ops").asSecureRandom());
    steps = FloorOp.steps(suite, ca);
    // What a ServerKeyExchange signs: both randoms and the ECDHE parameters (RFC 8422 section 5.4).
    message = r.fork("message").nextBytes(32 + 32 + 4 + 32);
    premaster = java.util.Arrays.copyOf(message, 48); // RFC 5246 section 7.4.7.1
    servers = peers(Identities.servers(ca, suite.serverKey(), pool));
    clients = suite.clientAuth() ? peers(Identities.clients(ca, suite.clientKey(), pool)) : null;
    exchanges = new Exchange[pool];
    RandomSource x = r.fork("x25519");
    for (int i = 0; i < pool; i++) {
      X25519PrivateKeyParameters c = new X25519PrivateKeyParameters(x.fork("c" + i).asSecureRandom());
      X25519PrivateKeyParameters s = new X25519PrivateKeyParameters(x.fork("s" + i).asSecureRandom());
      byte[] shared = new byte[32];
      c.generateSecret(s.generatePublicKey(), shared, 0);
      exchanges[i] = new Exchange(new X25519PrivateKeyParameters[] {c, s},
          new X25519PublicKeyParameters[] {c.generatePublicKey(), s.generatePublicKey()}, shared);
    }
    floor();
  }

  private Peer[] peers(List<Identity> ids) throws Exception {
    X509Certificate root = Identities.authority(ca).rootCertificate();
    Peer[] out = new Peer[ids.size()];
    for (int i = 0; i < out.length; i++) {
      Identity id = ids.get(i);
      Issued[] chain = issued(id.chain(), root);
      if (id.privateKey().getAlgorithm().equals("RSA")) {
        PrivateKey priv = ops.rsaPrivate(id.privateKey());
        PublicKey pub = ops.rsaPublic(id.leaf().getPublicKey());
        out[i] = new Peer(chain, priv, pub, ops.rsaSign(priv, message), ops.rsaEncrypt(pub, premaster), null, null, null);
      } else {
        ECPrivateKeyParameters priv = PublicKeyOps.ecPrivate(id.privateKey());
        out[i] = new Peer(chain, null, null, null, null, priv, id.leaf().getPublicKey().getEncoded(),
            ops.ecdsaSign(priv, message));
      }
    }
    return out;
  }

  /** The certificates of {@code chain} below {@code root}: the leaf, then the intermediate. */
  private Issued[] issued(List<X509Certificate> chain, X509Certificate root) throws Exception {
    List<X509Certificate> below = chain.stream().filter(c -> !c.equals(root)).toList();
    if (below.size() != 2) {
      throw new IllegalStateException("expected a leaf and an intermediate below the root, got " + below.size());
    }
    Issued[] out = new Issued[2];
    for (int k = 0; k < 2; k++) {
      X509Certificate c = below.get(k);
      X509Certificate issuer = k == 0 ? below.get(1) : root;
      if (ca == CaFamily.ECDSA_P256) {
        ASN1Sequence sig = ASN1Sequence.getInstance(c.getSignature());
        out[k] = new Issued(c.getTBSCertificate(), null, ASN1Integer.getInstance(sig.getObjectAt(0)).getValue(),
            ASN1Integer.getInstance(sig.getObjectAt(1)).getValue(), PublicKeyOps.ecPublic(issuer.getPublicKey()), null);
      } else {
        out[k] = new Issued(c.getTBSCertificate(), c.getSignature(), null, null, null, ops.rsaPublic(issuer.getPublicKey()));
      }
    }
    return out;
  }

  @Benchmark
  public int floor() throws GeneralSecurityException, IOException {
    int i = next;
    next = (i + 1) % pool;
    for (Step step : steps) {
      run(step, i);
    }
    return i;
  }

  /** The steps of this benchmark's handshake: what {@link #floor()} runs. */
  List<Step> steps() {
    return steps;
  }

  /** Runs one step on the material of pool slot {@code i}. */
  void run(Step step, int i) throws GeneralSecurityException, IOException {
    if (step.op() == FloorOp.X25519_KEYGEN) {
      ops.x25519KeyPair();
      return;
    }
    if (step.op() == FloorOp.X25519_AGREE) {
      Exchange e = exchanges[i];
      int own = step.index();
      ops.x25519Agree(e.privates()[own], e.publics()[1 - own], e.shared());
      return;
    }
    Peer p = step.party() == Party.SERVER ? servers[i] : clients[i];
    switch (step.op()) {
      case ECDSA_P256_VERIFY_CA -> {
        Issued c = p.chain()[step.index()];
        ops.ecdsaVerify(c.ecIssuer(), c.tbs(), c.r(), c.s());
      }
      case RSA_2048_VERIFY_CA -> {
        Issued c = p.chain()[step.index()];
        ops.rsaVerify(c.rsaIssuer(), c.tbs(), c.signature());
      }
      case ECDSA_P256_SIGN -> ops.ecdsaSign(p.ecPrivate(), message);
      case ECDSA_P256_VERIFY_NEW_KEY ->
          ops.ecdsaVerify(PublicKeyOps.ecPublic(p.ecPublicSpki()), message, p.ecSignature()[0], p.ecSignature()[1]);
      case RSA_2048_SIGN -> ops.rsaSign(p.rsaPrivate(), message);
      case RSA_2048_VERIFY -> ops.rsaVerify(p.rsaPublic(), message, p.rsaSignature());
      case RSA_2048_ENCRYPT -> ops.rsaEncrypt(p.rsaPublic(), premaster);
      case RSA_2048_DECRYPT -> ops.rsaDecrypt(p.rsaPrivate(), p.encryptedPremaster(), premaster);
      default -> throw new IllegalStateException("unknown floor operation " + step.op());
    }
  }
}
