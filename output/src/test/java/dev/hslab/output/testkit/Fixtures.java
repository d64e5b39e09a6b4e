package dev.hslab.output.testkit;

import static dev.hslab.model.handshake.MessageKind.*;
import static dev.hslab.model.handshake.Side.CLIENT;
import static dev.hslab.model.handshake.Side.SERVER;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.record.Alert;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.trace.TraceEvent.NetworkAction;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;

/** Hand-built traces of the shapes the simulation produces. */
public final class Fixtures {

  private Fixtures() {}

  public static final Negotiated NEGOTIATED = new Negotiated(ProtocolVersion.TLS12,
      CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256, false, false, true, true, Bytes.fromHex("0102"),
      Bytes.fromHex("aa".repeat(32)), Bytes.fromHex("bb".repeat(48)));

  /** The ECDHE_RSA reference handshake, data both ways, close_notify both ways; nothing lost. */
  public static Trace fullHandshake() {
    TraceBuilder b = new TraceBuilder();
    b.engine(CLIENT, new EngineEvent.StateChanged("START", "WAIT_SERVER_HELLO"));
    serverFlight(b.send(CLIENT, CLIENT_HELLO, 212, false, false));
    b.send(CLIENT, CLIENT_KEY_EXCHANGE, 70, false, false)
        .send(CLIENT, CHANGE_CIPHER_SPEC, 1, false, false)
        .send(CLIENT, FINISHED, 16, false, true)
        .send(SERVER, CHANGE_CIPHER_SPEC, 1, false, false)
        .send(SERVER, FINISHED, 16, false, true)
        .engine(SERVER, new EngineEvent.Established(NEGOTIATED))
        .engine(CLIENT, new EngineEvent.Established(NEGOTIATED))
        .send(CLIENT, APPLICATION_DATA, 40, false, true)
        .engine(SERVER, new EngineEvent.ApplicationDataReceived(Bytes.of(new byte[40])))
        .send(SERVER, APPLICATION_DATA, 120, false, true)
        .engine(CLIENT, new EngineEvent.ApplicationDataReceived(Bytes.of(new byte[120])))
        .alert(CLIENT, Alert.warning(AlertDescription.CLOSE_NOTIFY), true, NetworkAction.DELIVERED)
        .alert(SERVER, Alert.warning(AlertDescription.CLOSE_NOTIFY), true, NetworkAction.DELIVERED)
        .engine(CLIENT, new EngineEvent.Closed())
        .engine(SERVER, new EngineEvent.Closed());
    return b.build();
  }

  private static TraceBuilder serverFlight(TraceBuilder b) {
    return b.send(SERVER, SERVER_HELLO, 85, false, false)
        .send(SERVER, CERTIFICATE, 1650, true, false)
        .send(SERVER, SERVER_KEY_EXCHANGE, 333, true, false)
        .send(SERVER, SERVER_HELLO_DONE, 4, false, false);
  }

  /**
   * Faults on the way: ServerKeyExchange duplicated, ServerHelloDone delayed, a record injected,
   * the client's Finished corrupted; the server answers bad_record_mac.
   */
  public static Trace faulty() {
    TraceBuilder b = new TraceBuilder();
    b.send(CLIENT, CLIENT_HELLO, 212, false, false)
        .send(SERVER, SERVER_HELLO, 85, false, false)
        .send(SERVER, TraceBuilder.info(CERTIFICATE, null, 1650, true, false), NetworkAction.DELIVERED)
        .send(SERVER, TraceBuilder.info(SERVER_KEY_EXCHANGE, null, 333, true, false), NetworkAction.DELIVERED,
            NetworkAction.DUPLICATED)
        .inject(SERVER, HELLO_REQUEST, 4)
        .send(SERVER, TraceBuilder.info(SERVER_HELLO_DONE, null, 4, false, false), NetworkAction.DELAYED,
            NetworkAction.DELIVERED)
        .send(CLIENT, CLIENT_KEY_EXCHANGE, 70, false, false)
        .send(CLIENT, CHANGE_CIPHER_SPEC, 1, false, false)
        .send(CLIENT, TraceBuilder.info(FINISHED, null, 16, false, true), NetworkAction.CORRUPTED)
        .engine(SERVER, new EngineEvent.AlertSent(Alert.fatal(AlertDescription.BAD_RECORD_MAC), "Finished record MAC mismatch"))
        .alert(SERVER, Alert.fatal(AlertDescription.BAD_RECORD_MAC), false, NetworkAction.DELIVERED)
        .engine(CLIENT, new EngineEvent.AlertReceived(Alert.fatal(AlertDescription.BAD_RECORD_MAC)));
    return b.build();
  }

  /** The ServerHelloDone is lost; the client's handshake timer expires. */
  public static Trace dropped() {
    TraceBuilder b = new TraceBuilder();
    b.send(CLIENT, CLIENT_HELLO, 212, false, false)
        .send(SERVER, SERVER_HELLO, 85, false, false)
        .send(SERVER, CERTIFICATE, 1650, true, false)
        .send(SERVER, SERVER_KEY_EXCHANGE, 333, true, false)
        .send(SERVER, TraceBuilder.info(SERVER_HELLO_DONE, null, 4, false, false), NetworkAction.DROPPED)
        .at(30_000)
        .engine(CLIENT, new EngineEvent.TimedOut("WAIT_SERVER_HELLO_DONE", "server_hello_done"));
    return b.build();
  }

  /** One event of every kind, for the schema's examples. */
  public static Trace everyEventKind() {
    TraceBuilder b = new TraceBuilder();
    b.engine(CLIENT, new EngineEvent.StateChanged("START", "WAIT_SERVER_HELLO"))
        .send(CLIENT, TraceBuilder.info(CLIENT_HELLO, null, 46, false, false), NetworkAction.DELIVERED)
        .engine(SERVER, new EngineEvent.Refused("send", "handshake not complete"))
        .engine(CLIENT, new EngineEvent.Established(NEGOTIATED))
        .engine(CLIENT, new EngineEvent.ApplicationDataReceived(Bytes.of(new byte[5])))
        .engine(SERVER, new EngineEvent.AlertSent(Alert.fatal(AlertDescription.UNEXPECTED_MESSAGE), "client_hello in ESTABLISHED"))
        .alert(SERVER, Alert.fatal(AlertDescription.UNEXPECTED_MESSAGE), true, NetworkAction.DROPPED)
        .engine(CLIENT, new EngineEvent.AlertReceived(Alert.warning(AlertDescription.CLOSE_NOTIFY)))
        .engine(CLIENT, new EngineEvent.TimedOut("WAIT_SERVER_HELLO_DONE", "server_hello_done"))
        .engine(SERVER, new EngineEvent.Closed())
        .segment(new TraceEvent.OfSegment(0, CLIENT, 1, 1, java.util.Set.of(TraceEvent.TcpFlag.PSH, TraceEvent.TcpFlag.ACK),
            Bytes.of((byte) 0x16, (byte) 3, (byte) 1), true, false, TraceEvent.SegmentFate.LOST));
    return b.build();
  }
}
