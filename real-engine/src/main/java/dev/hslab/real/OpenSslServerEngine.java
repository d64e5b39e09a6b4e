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
import java.net.InetSocketAddress;
import java.net.Socket;
import java.net.SocketTimeoutException;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * {@link Engine} over a real {@code openssl s_server} process on 127.0.0.1, reached over TCP: the
 * bytes the model client sends are written to the socket, and what OpenSSL writes back is read
 * until the socket stays quiet for a moment ({@link OpenSslServer#QUIET_MILLIS}; a reply that comes later is read at the next step), or until it is
 * closed. Both directions are decoded with our codecs ({@link WireObserver}); the records after
 * OpenSSL's ChangeCipherSpec, its Finished and the alert it sends after a failure, are decrypted
 * with the master secret the model peer knows, as for the JSSE engines. The outcome is what OpenSSL
 * wrote on the socket: a fatal alert (RFC 5246 §7.2.2), a close_notify answering ours (§7.2.1), or
 * the connection closed without either.
 */
public final class OpenSslServerEngine implements Engine {

  private final OpenSslServer server;
  private final Socket socket;
  private final InputStream in;
  private final WireObserver wire = new WireObserver();
  private final RecordReader fromPeer = new RecordReader(TlsRecord.MAX_CIPHERTEXT);
  private final RecordReader fromOpenSsl = new RecordReader(TlsRecord.MAX_CIPHERTEXT);
  private String state = "waiting_client_hello";
  private boolean established;
  private boolean terminal;
  private boolean closeReceived;
  private boolean peerBytesUnframeable;
  private boolean openSslBytesUnframeable;
  private List<EngineEvent> events;
  private List<Bytes> records;

  private OpenSslServerEngine(OpenSslServer server, MasterSecrets secrets) throws IOException {
    this.server = server;
    this.socket = new Socket();
    socket.setTcpNoDelay(true);
    socket.connect(new InetSocketAddress("127.0.0.1", server.port()), 10_000);
    this.in = socket.getInputStream();
    wire.decryptWith(secrets);
  }

  /**
   * {@code openssl} as the engine under test of {@code hslab deviate}: a fresh {@code s_server} for
   * each connection, configured from the server's {@link EngineConfig} (its versions, suites and
   * certificate chain, written as PEM). Only the server role: OpenSSL as a client is not driven.
   */
  public static EngineUnderTest underTest() {
    return new EngineUnderTest("openssl", (config, peer) -> {
      if (config.side() != Side.SERVER) {
        throw new IllegalArgumentException("openssl plays only the server here (s_client is not driven)");
      }
      OpenSslServer s = OpenSslServer.start(config);
      try {
        return new OpenSslServerEngine(s, peer::masterSecret);
      } catch (IOException e) {
        s.close();
        throw new IllegalStateException("cannot connect to openssl s_server: " + e.getMessage(), e);
      }
    }, false);
  }

  @Override
  public Side side() {
    return Side.SERVER;
  }

  @Override
  public String name() {
    return "openssl";
  }

  @Override
  public Step start() {
    return Step.NOTHING; // the server waits for the ClientHello
  }

  @Override
  public Step receive(Bytes data) {
    if (terminal) {
      return Step.NOTHING;
    }
    begin();
    observePeer(data);
    try {
      socket.getOutputStream().write(data.toByteArray());
      socket.getOutputStream().flush();
    } catch (IOException e) {
      // OpenSSL closed the connection already; what it wrote before still counts.
    }
    collect(OpenSslServer.FIRST_MILLIS);
    return end();
  }

  @Override
  public Step send(Bytes applicationData) {
    if (terminal || !established) {
      return refused("send", terminal ? "the connection is over" : "the handshake is not complete");
    }
    begin();
    // s_server sends what it reads on its standard input as application data.
    server.input(applicationData.toByteArray());
    collect(OpenSslServer.REPLY_MILLIS);
    return end();
  }

  @Override
  public Step renegotiate() {
    return refused("renegotiate", "s_server is not asked to renegotiate here");
  }

  @Override
  public Step close() {
    // s_server's 'q' command closes the socket before its close_notify: no clean close to ask for.
    return refused("close", "s_server cannot be asked for a close_notify");
  }

  @Override
  public Step timeout() {
    if (terminal) {
      return Step.NOTHING;
    }
    begin();
    // OpenSSL's last word before the wait ends: an alert or a close that came late still counts.
    collect(OpenSslServer.REPLY_MILLIS);
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
    return Optional.empty(); // s_server does not tell; the deviation outcome does not need it
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
          for (MessageInfo info : wire.observe(Side.CLIENT, r.get())) {
            events.add(new EngineEvent.MessageReceived(info));
            if (info.alert() != null) {
              events.add(new EngineEvent.AlertReceived(info.alert()));
              closeReceived |= info.alert().description() == AlertDescription.CLOSE_NOTIFY;
            }
          }
        }
      }
    } catch (TlsAlertException e) {
      peerBytesUnframeable = true; // OpenSSL's reaction to them is what counts
    }
  }

  /**
   * Reads what OpenSSL writes: waits up to {@code firstMillis} for the first byte, then until the
   * socket is quiet for {@link OpenSslServer#QUIET_MILLIS} or closed.
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
        socket.setSoTimeout(OpenSslServer.QUIET_MILLIS);
      }
    } catch (IOException e) {
      eof = true; // a reset: OpenSSL dropped the connection
    }
    observeOpenSsl(got.toByteArray());
    if (eof && !terminal) {
      setState(state.equals("closing") ? "closed" : "connection_closed");
      finish();
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
    for (MessageInfo info : wire.observe(Side.SERVER, record)) {
      events.add(new EngineEvent.MessageSent(info));
      if ("finished".equals(info.type()) || Infos.ENCRYPTED_HANDSHAKE.equals(info.type())) {
        if (!established) {
          established = true;
          setState("established");
        }
      } else if (info.alert() != null) {
        if (info.alert().level() == AlertLevel.FATAL) {
          events.add(new EngineEvent.AlertSent(info.alert(), "sent by openssl s_server"));
          setState("failed");
          finish();
        } else if (info.alert().description() == AlertDescription.CLOSE_NOTIFY) {
          if (closeReceived) {
            events.add(new EngineEvent.Closed()); // it answered our close_notify (RFC 5246 §7.2.1)
            setState("closed");
            finish();
          } else {
            setState("closing");
          }
        }
      }
    }
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
    server.close();
  }
}
