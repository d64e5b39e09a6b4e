package dev.hslab.output.testkit;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.pki.CertificateAuthority;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.pki.KeyType;
import dev.hslab.model.pki.Validity;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.model.wire.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.SecureRandom;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.bouncycastle.crypto.params.AsymmetricKeyParameter;
import org.bouncycastle.crypto.util.PrivateKeyFactory;
import org.bouncycastle.tls.Certificate;
import org.bouncycastle.tls.DefaultTlsClient;
import org.bouncycastle.tls.DefaultTlsServer;
import org.bouncycastle.tls.HashAlgorithm;
import org.bouncycastle.tls.ProtocolVersion;
import org.bouncycastle.tls.ServerOnlyTlsAuthentication;
import org.bouncycastle.tls.SignatureAlgorithm;
import org.bouncycastle.tls.SignatureAndHashAlgorithm;
import org.bouncycastle.tls.TlsAuthentication;
import org.bouncycastle.tls.TlsClientProtocol;
import org.bouncycastle.tls.TlsCredentialedDecryptor;
import org.bouncycastle.tls.TlsCredentialedSigner;
import org.bouncycastle.tls.TlsProtocol;
import org.bouncycastle.tls.TlsServerCertificate;
import org.bouncycastle.tls.TlsServerProtocol;
import org.bouncycastle.tls.crypto.TlsCertificate;
import org.bouncycastle.tls.crypto.TlsCryptoParameters;
import org.bouncycastle.tls.crypto.TlsSecret;
import org.bouncycastle.tls.crypto.impl.AbstractTlsCrypto;
import org.bouncycastle.tls.crypto.impl.AbstractTlsSecret;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedDecryptor;
import org.bouncycastle.tls.crypto.impl.bc.BcDefaultTlsCredentialedSigner;
import org.bouncycastle.tls.crypto.impl.bc.BcTlsCrypto;

/**
 * A real TLS handshake, application data exchange and close between BouncyCastle's client and
 * server, through their non-blocking API (offerInput / readOutput), recorded as a {@link Trace}:
 * one delivered network event per record (1 ms of virtual time apart) and an Established event
 * per side with the client random and master secret. It stands in for the model engine (not
 * written yet) as a source of real records and keys for the capture tests.
 */
public final class BcHandshake {

  /** What the client sends once connected; a real HTTP request so tshark shows decrypted HTTP. */
  public static final String REQUEST = "GET /hslab HTTP/1.1\r\nHost: server.test\r\n\r\n";

  public static final String RESPONSE = "HTTP/1.1 200 OK\r\nContent-Length: 5\r\n\r\nhello";

  private static final Identity SERVER_IDENTITY = issueServer();

  private final List<TraceEvent> events = new ArrayList<>();
  private final int[] clientRecordNo = new int[1];
  private final int[] serverRecordNo = new int[1];
  private double clock;

  private BcHandshake() {}

  /** Runs one TLS 1.2 connection with {@code suite} (a BouncyCastle / IANA cipher-suite code). */
  public static Trace run(int suite, long seed) throws IOException {
    return new BcHandshake().connect(suite, seed);
  }

  private Trace connect(int suite, long seed) throws IOException {
    BcTlsCrypto clientCrypto = new BcTlsCrypto(seededRandom(seed * 2));
    BcTlsCrypto serverCrypto = new BcTlsCrypto(seededRandom(seed * 2 + 1));
    Client client = new Client(clientCrypto, suite);
    Server server = new Server(serverCrypto, suite);
    TlsClientProtocol cp = new TlsClientProtocol();
    TlsServerProtocol sp = new TlsServerProtocol();
    sp.accept(server);
    cp.connect(client);
    pump(cp, sp);
    if (!cp.isConnected() || !sp.isConnected()) {
      throw new IllegalStateException("BouncyCastle handshake did not complete");
    }
    events.add(new TraceEvent.OfEngine(clock, Side.CLIENT, new EngineEvent.Established(client.negotiated)));
    events.add(new TraceEvent.OfEngine(clock, Side.SERVER, new EngineEvent.Established(client.negotiated)));
    byte[] req = REQUEST.getBytes(StandardCharsets.US_ASCII);
    cp.writeApplicationData(req, 0, req.length);
    pump(cp, sp);
    expectData(sp, REQUEST);
    byte[] resp = RESPONSE.getBytes(StandardCharsets.US_ASCII);
    sp.writeApplicationData(resp, 0, resp.length);
    pump(cp, sp);
    expectData(cp, RESPONSE);
    cp.close();
    pump(cp, sp);
    return new Trace(events);
  }

  private static void expectData(TlsProtocol p, String expected) throws IOException {
    byte[] buf = new byte[p.applicationDataAvailable()];
    p.readInput(buf, 0, buf.length);
    if (!new String(buf, StandardCharsets.US_ASCII).equals(expected)) {
      throw new IllegalStateException("application data garbled: " + new String(buf, StandardCharsets.US_ASCII));
    }
  }

  /** Moves records both ways until both sides are quiet, client first. */
  private void pump(TlsProtocol cp, TlsProtocol sp) throws IOException {
    boolean moved = true;
    while (moved) {
      moved = transfer(cp, sp, Side.CLIENT, clientRecordNo) | transfer(sp, cp, Side.SERVER, serverRecordNo);
    }
  }

  private boolean transfer(TlsProtocol from, TlsProtocol to, Side side, int[] counter) throws IOException {
    int n = from.getAvailableOutputBytes();
    if (n == 0) {
      return false;
    }
    byte[] out = new byte[n];
    from.readOutput(out, 0, n);
    // Each record becomes its own network event, as in the simulation.
    int off = 0;
    while (off < n) {
      int len = 5 + (((out[off + 3] & 0xff) << 8) | (out[off + 4] & 0xff));
      Bytes record = Bytes.of(out, off, len);
      clock += 1.0;
      events.add(new TraceEvent.OfNetwork(clock, side, ++counter[0], NetworkAction.DELIVERED, "", record));
      if (!to.isClosed()) {
        to.offerInput(record.toByteArray());
      }
      off += len;
    }
    return true;
  }

  /** SHA1PRNG seeded before first use is deterministic, so the run is reproducible. */
  private static SecureRandom seededRandom(long seed) {
    try {
      SecureRandom r = SecureRandom.getInstance("SHA1PRNG");
      r.setSeed(seed);
      return r;
    } catch (java.security.NoSuchAlgorithmException e) {
      throw new IllegalStateException(e);
    }
  }

  private static Identity issueServer() {
    Validity v = Validity.starting(Instant.parse("2026-01-01T00:00:00Z"), Duration.ofDays(3650));
    RandomSource r = RandomSource.seeded(7);
    CertificateAuthority ca = CertificateAuthority.create(KeyType.RSA_2048, r.fork("ca"), v);
    return ca.issueServer("server.test", KeyType.RSA_2048, r.fork("server"), v);
  }

  private static final class Client extends DefaultTlsClient {
    private final int suite;
    Negotiated negotiated;

    Client(BcTlsCrypto crypto, int suite) {
      super(crypto);
      this.suite = suite;
    }

    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.TLSv12.only();
    }

    @Override
    protected int[] getSupportedCipherSuites() {
      return new int[] {suite};
    }

    @Override
    public TlsAuthentication getAuthentication() {
      return new ServerOnlyTlsAuthentication() {
        @Override
        public void notifyServerCertificate(TlsServerCertificate serverCertificate) {
          // The chain comes from our own CA; the capture tests do not validate it.
        }
      };
    }

    @Override
    public void notifyHandshakeComplete() throws IOException {
      super.notifyHandshakeComplete();
      var sp = context.getSecurityParametersConnection();
      negotiated = new Negotiated(dev.hslab.model.wire.ProtocolVersion.TLS12,
          CipherSuite.fromCode(sp.getCipherSuite()).orElse(null), false, false, sp.isExtendedMasterSecret(),
          sp.isSecureRenegotiation(), Bytes.of(sp.getSessionID()), Bytes.of(sp.getClientRandom()),
          Bytes.wrap(SecretPeek.copy(sp.getMasterSecret())));
    }
  }

  private static final class Server extends DefaultTlsServer {
    private final int suite;
    private final Certificate chain;
    private final AsymmetricKeyParameter key;

    Server(BcTlsCrypto crypto, int suite) throws IOException {
      super(crypto);
      this.suite = suite;
      TlsCertificate leaf = crypto.createCertificate(SERVER_IDENTITY.chainDer().get(0).toByteArray());
      TlsCertificate inter = crypto.createCertificate(SERVER_IDENTITY.chainDer().get(1).toByteArray());
      this.chain = new Certificate(new TlsCertificate[] {leaf, inter});
      this.key = PrivateKeyFactory.createKey(SERVER_IDENTITY.privateKeyPkcs8().toByteArray());
    }

    @Override
    protected TlsCredentialedDecryptor getRSAEncryptionCredentials() {
      return new BcDefaultTlsCredentialedDecryptor((BcTlsCrypto) getCrypto(), chain, key);
    }

    @Override
    protected TlsCredentialedSigner getRSASignerCredentials() {
      return new BcDefaultTlsCredentialedSigner(new TlsCryptoParameters(context), (BcTlsCrypto) getCrypto(), key, chain,
          new SignatureAndHashAlgorithm(HashAlgorithm.sha256, SignatureAlgorithm.rsa));
    }

    /** Only the suite under test: the server picks it or fails the handshake. */
    @Override
    protected int[] getSupportedCipherSuites() {
      return new int[] {suite};
    }

    /** TLS 1.2 only, as the client offers. */
    @Override
    protected ProtocolVersion[] getSupportedVersions() {
      return ProtocolVersion.TLSv12.only();
    }
  }

  /** Reads a secret's bytes without destroying it ({@code TlsSecret.extract} would). */
  private abstract static class SecretPeek extends AbstractTlsSecret {
    private SecretPeek() {
      super(new byte[0]);
    }

    static byte[] copy(TlsSecret secret) {
      return copyData((AbstractTlsSecret) secret);
    }

    @Override
    protected abstract AbstractTlsCrypto getCrypto();
  }
}
