package dev.hslab.real;

import dev.hslab.model.crypto.RandomSource;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.EngineConfigBuilder;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.pki.Identity;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.io.ByteArrayOutputStream;
import java.util.ArrayList;
import java.util.List;

/** Configs, factories and loopback runs shared by the real-engine tests. */
final class Connections {

  static final Bytes CLIENT_DATA = Bytes.wrap("ping from client".getBytes(java.nio.charset.StandardCharsets.US_ASCII));
  static final Bytes SERVER_DATA = Bytes.wrap("pong!".getBytes(java.nio.charset.StandardCharsets.US_ASCII));

  /** Data both ways, then the client closes. */
  static final List<Loopback.Action> EXCHANGE = List.of(
      new Loopback.Action.Send(Side.CLIENT, CLIENT_DATA),
      new Loopback.Action.Send(Side.SERVER, SERVER_DATA),
      new Loopback.Action.Close(Side.CLIENT));

  private Connections() {}

  static EngineConfigBuilder client(ProtocolVersion min, ProtocolVersion max, List<CipherSuite> suites) {
    TestPki.init();
    return EngineConfig.client(RandomSource.seeded(7).fork("client")).versions(min, max).cipherSuites(suites)
        .trustAnchors(List.of(TestPki.CA.rootCertificate())).serverName(TestPki.HOST);
  }

  static EngineConfigBuilder server(ProtocolVersion min, ProtocolVersion max, List<CipherSuite> suites) {
    TestPki.init();
    return EngineConfig.server(RandomSource.seeded(7).fork("server")).versions(min, max).cipherSuites(suites)
        .trustAnchors(List.of(TestPki.CA.rootCertificate())).serverName(TestPki.HOST)
        .identities(List.of(TestPki.SERVER_RSA, TestPki.SERVER_EC));
  }

  static EngineConfigBuilder clientWith(Identity id, EngineConfigBuilder b) {
    return id == null ? b : b.identities(List.of(id));
  }

  static EngineConfigBuilder requiring(ClientAuth auth, EngineConfigBuilder b) {
    return b.clientAuth(auth);
  }

  /** Everything one side received as application data, in order. */
  static Bytes received(Trace t, Side side) {
    ByteArrayOutputStream out = new ByteArrayOutputStream();
    for (EngineEvent e : t.engineEvents(side)) {
      if (e instanceof EngineEvent.ApplicationDataReceived d) {
        out.writeBytes(d.data().toByteArray());
      }
    }
    return Bytes.wrap(out.toByteArray());
  }

  static <T extends EngineEvent> List<T> events(Trace t, Side side, Class<T> type) {
    List<T> out = new ArrayList<>();
    for (EngineEvent e : t.engineEvents(side)) {
      if (type.isInstance(e)) {
        out.add(type.cast(e));
      }
    }
    return out;
  }
}
