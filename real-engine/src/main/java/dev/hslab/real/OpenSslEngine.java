package dev.hslab.real;

import dev.hslab.model.concrete.EngineUnderTest;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.record.RecordReader;
import dev.hslab.model.record.TlsRecord;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.io.ByteArrayOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.net.InetAddress;
import java.net.InetSocketAddress;
import java.net.ServerSocket;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Engine} over a real {@code openssl s_server} or {@code s_client} process on 127.0.0.1,
 * reached over TCP: the bytes the model peer sends are written to the socket, and what OpenSSL writes back is read
 * until the socket stays quiet for a moment ({@link OpenSslProcess#QUIET_MILLIS}; a reply that comes later is read at the next step), or until it is
 * closed. Both directions are decoded with our codecs ({@link WireObserver}); the records after
 * OpenSSL's ChangeCipherSpec, its Finished and the alert it sends after a failure, are decrypted
 * with the master secret the model peer knows, as for the JSSE engines. The outcome is what OpenSSL
 * wrote on the socket: a fatal alert (RFC 5246 §7.2.2), close_notify both ways (§7.2.1), or the
 * connection closed without either. Application data is what the process reads on its standard
 * input; s_client closes on a {@code Q} line, s_server cannot be asked to.
 */
public final class OpenSslEngine implements Engine {

  /** How long s_client may take to start and send its ClientHello. */
  private static final int START_MILLIS = 10_000;

  private final Side side;
  private final OpenSslProcess process;
  private final Socket socket;
  private final InputStream in;
  private final WireObserver wire = new WireObserver();
  private final RecordReader fromPeer = new RecordReader(TlsRecord.MAX_CIPHERTEXT);
  private final RecordReader fromOpenSsl = new RecordReader(TlsRecord.MAX_CIPHERTEXT);
  private String state;
  private boolean established;
  private boolean finishedSent;
  private boolean finishedReceived;
  private boolean terminal;
  private boolean closeReceived;
  private boolean closeSent;
  private boolean peerBytesUnframeable;
  private boolean openSslBytesUnframeable;
  private List<EngineEvent> events;
  private List<Bytes> records;

  private OpenSslEngine(Side side, OpenSslProcess process, Socket socket, MasterSecrets secrets) throws IOException {
    this.side = side;
    this.process = process;
    this.socket = socket;
    this.state = side == Side.CLIENT ? "handshaking" : "waiting_client_hello";
    socket.setTcpNoDelay(true);
    this.in = socket.getInputStream();
    wire.decryptWith(secrets);
  }

  /**
   * {@code openssl} as the engine under test of {@code hslab deviate}: a fresh process for each
   * connection, configured from its side's {@link EngineConfig} (versions, suites, and the server's
   * chain or the client's trust anchors, written as PEM).
   */
  public static EngineUnderTest underTest() {
    return new EngineUnderTest("openssl", (config, peer) -> {
      MasterSecrets secrets = peer::masterSecret;
      if (config.side() == Side.SERVER) {
        OpenSslProcess p = OpenSslProcess.server(config);
        try {
          Socket s = new Socket();
          s.connect(new InetSocketAddress("127.0.0.1", p.port()), 10_000);
          return new OpenSslEngine(Side.SERVER, p, s, secrets);
        } catch (IOException e) {
          p.close();
          throw new IllegalStateException("cannot connect to openssl s_server: " + e.getMessage(), e);
        }
      }
      try (ServerSocket listener = new ServerSocket(0, 1, InetAddress.getLoopbackAddress())) {
        listener.setSoTimeout(10_000);
        OpenSslProcess p = OpenSslProcess.client(config, listener.getLocalPort());
        try {
          return new OpenSslEngine(Side.CLIENT, p, listener.accept(), secrets);
        } catch (IOException e) {
          p.close();
          throw new IllegalStateException("openssl s_client did not connect: " + e.getMessage(), e);
        }
      } catch (IOException e) {
        throw new IllegalStateException("cannot listen for openssl s_client: " + e.getMessage(), e);
      }
    }, false);
  }

  @Override
  public Side side() {
    return side;
  }

  @Override
  public String name() {
    return "openssl";
  }

  @Override
  public Step start() {
    if (side == Side.SERVER) {
      return Step.NOTHING; // the server waits for the ClientHello
    }
    begin();
    collect(START_MILLIS); // s_client sends its ClientHello as soon as it connected
    return end();
  }

  @Override
  public Step receive(Bytes data) {
    if (terminal) {
      return Step.NOTHING;
    }
    begin();
    observePeer(data);
    if (terminal) {
      return end();
    }
    try {
      socket.getOutputStream().write(data.toByteArray());
      socket.getOutputStream().flush();
    } catch (IOException e) {
      // OpenSSL closed the connection already; what it wrote before still counts.
    }
    collect(OpenSslProcess.FIRST_MILLIS);
    return end();
  }

  @Override
  public Step send(Bytes applicationData) {
    if (terminal || !established) {
      return refused("send", terminal ? "the connection is over" : "the handshake is not complete");
    }
    begin();
    // s_server and s_client send what they read on their standard input as application data.
    process.input(applicationData.toByteArray());
    collect(OpenSslProcess.REPLY_MILLIS);
    return end();
  }

  @Override
  public Step renegotiate() {
    return refused("renegotiate", "openssl is not asked to renegotiate here");
  }

  @Override
  public Step close() {
    if (side == Side.SERVER) {
      // s_server's 'q' command closes the socket before its close_notify: no clean close to ask for.
      return refused("close", "s_server cannot be asked for a close_notify");
    }
    if (terminal) {
      return Step.NOTHING;
    }
    begin();
    process.input("Q".getBytes(StandardCharsets.US_ASCII)); // s_client: close_notify, then close
    collect(OpenSslProcess.REPLY_MILLIS);
    return end();
  }

  @Override
  public Step timeout() {
    if (terminal) {
      return Step.NOTHING;
    }
    begin();
    // OpenSSL's last word before the wait ends: an alert or a close that came late still counts.
    collect(OpenSslProcess.REPLY_MILLIS);
    if (!terminal) {
      events.add(new EngineEvent.TimedOut(state, ""));
      setState("timed_out");
      finish();
    }
    return end();
  }

  @Override
  public String state() {
    return state;
  }

  @Override
  public String waitingFor() {
    return "";
  }

  @Override
  public boolean established() {
    return established;
  }

  @Override
  public boolean terminal() {
    return terminal;
  }

  @Override
  public Optional<Negotiated> negotiated() {
    return Optional.empty(); // the process does not tell; the deviation outcome does not need it
  }

  // ---- one step -------------------------------------------------------------------------------

  private void begin() {
    events = new ArrayList<>();
    records = new ArrayList<>();
  }

  private Step end() {
    Step s = new Step(records, events);
    events = null;
    records = null;
    return s;
  }

  private static Step refused(String request, String reason) {
    return new Step(List.of(), List.of(new EngineEvent.Refused(request, reason)));
  }

  /** The peer's records, decoded before OpenSSL reads them, so the transcript is in wire order. */
  private void observePeer(Bytes data) {
    if (peerBytesUnframeable) {
      return;
    }
    try {
      byte[] src = data.toByteArray();
      int off = 0;
      while (off < src.length) {
        off += fromPeer.feed(src, off, src.length - off);
        Optional<TlsRecord> r;
        while ((r = fromPeer.take()).isPresent()) {
          for (MessageInfo info : wire.observe(side.peer(), r.get())) {
            events.add(new EngineEvent.MessageReceived(info));
            finishedReceived |= finished(info);
            if (info.alert() != null) {
              events.add(new EngineEvent.AlertReceived(info.alert()));
              closeReceived |= info.alert().description() == AlertDescription.CLOSE_NOTIFY;
            }
          }
          checkEstablished();
          if (closeReceived && closeSent && !terminal) {
            closed(); // the peer answered our close_notify
          }
        }
      }
    } catch (TlsAlertException e) {
      peerBytesUnframeable = true; // OpenSSL's reaction to them is what counts
    }
  }

  /**
   * Reads what OpenSSL writes: waits up to {@code firstMillis} for the first byte, then until the
   * socket is quiet for {@link OpenSslProcess#QUIET_MILLIS} or closed.
   */
  private void collect(int firstMillis) {
    ByteArrayOutputStream got = new ByteArrayOutputStream();
    boolean eof = false;
    byte[] buf = new byte[16_384];
    try {
      socket.setSoTimeout(firstMillis);
      while (true) {
        int n;
        try {
          n = in.read(buf);
        } catch (SocketTimeoutException e) {
          break;
        }
        if (n < 0) {
          eof = true;
          break;
        }
        got.write(buf, 0, n);
        socket.setSoTimeout(OpenSslProcess.QUIET_MILLIS);
      }
    } catch (IOException e) {
      eof = true; // a reset: OpenSSL dropped the connection
    }
    observeOpenSsl(got.toByteArray());
    if (eof && !terminal) {
      if (closeSent) {
        // RFC 5246 §7.2.1: the initiator of the close need not wait for the answering
        // close_notify; s_client closes the connection right after sending its own.
        closed();
      } else {
        setState("connection_closed");
        finish();
      }
    }
  }

  private void observeOpenSsl(byte[] src) {
    if (src.length == 0) {
      return;
    }
    if (openSslBytesUnframeable) {
      records.add(Bytes.wrap(src));
      return;
    }
    int off = 0;
    try {
      while (off < src.length) {
        off += fromOpenSsl.feed(src, off, src.length - off);
        Optional<TlsRecord> r;
        while ((r = fromOpenSsl.take()).isPresent()) {
          sent(r.get());
        }
      }
    } catch (TlsAlertException e) {
      openSslBytesUnframeable = true;
      records.add(Bytes.of(src, off, src.length - off));
    }
  }

  /** One record OpenSSL wrote, reported in the model engine's vocabulary. */
  private void sent(TlsRecord record) {
    records.add(record.encode());
    for (MessageInfo info : wire.observe(side, record)) {
      events.add(new EngineEvent.MessageSent(info));
      finishedSent |= finished(info);
      checkEstablished();
      if (info.alert() != null && !terminal) {
        if (info.alert().level() == AlertLevel.FATAL) {
          events.add(new EngineEvent.AlertSent(info.alert(), "sent by openssl"));
          setState("failed");
          finish();
        } else if (info.alert().description() == AlertDescription.CLOSE_NOTIFY) {
          closeSent = true;
          if (closeReceived) {
            closed(); // it answered the peer's close_notify (RFC 5246 §7.2.1)
          } else {
            setState("closing");
          }
        }
      }
    }
  }

  /** A Finished, decrypted, or the encrypted handshake message that stands for it. */
  private static boolean finished(MessageInfo info) {
    return "finished".equals(info.type()) || Infos.ENCRYPTED_HANDSHAKE.equals(info.type());
  }

  /** Both Finished messages crossed: the handshake is complete on this side (RFC 5246 §7.4.9). */
  private void checkEstablished() {
    if (!established && finishedSent && finishedReceived) {
      established = true;
      setState("established");
    }
  }

  private void closed() {
    events.add(new EngineEvent.Closed());
    setState("closed");
    finish();
  }

  private void setState(String to) {
    if (!to.equals(state)) {
      events.add(new EngineEvent.StateChanged(state, to));
      state = to;
    }
  }

  private void finish() {
    terminal = true;
    try {
      socket.close();
    } catch (IOException e) {
      // already closed
    }
    process.close();
  }
}
