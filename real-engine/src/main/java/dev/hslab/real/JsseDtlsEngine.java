package dev.hslab.real;

import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.MessageInfo;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.engine.Step;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;
import javax.net.ssl.SSLEngine;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * {@link Engine} over SunJSSE's DTLS {@link SSLEngine} ({@code SSLContext.getInstance("DTLS")}),
 * driven in memory on the caller's thread under the datagram contract: each element of
 * {@link Step#records()} is one whole datagram and {@link #receive} takes one datagram.
 *
 * <p>SSLEngine has no clock, so the retransmission timer lives here and runs on the host's
 * virtual clock: whenever a step sends a new flight and the engine then waits for the peer, it asks
 * for {@link EngineEvent.RetransmissionTimer} at 1 s; when the host calls
 * {@link #retransmissionTimeout()}, the timer doubles (up to 60 s) and the engine is made to resend
 * its flight the way the JDK's own DTLS tests do, by calling {@code wrap()} while it is
 * handshaking (RFC 6347 §4.2.4.1: "an initial timer value of 1 second and double the value at
 * each retransmission, up to no less than the RFC 6298 maximum of 60 seconds"). A new flight
 * starts again at 1 s, as OpenSSL does: the doubling is a backoff for one flight. Once the
 * handshake is over the timer is cancelled; a side holding the last flight resends it when the
 * peer's previous flight comes again, which SunJSSE does on its own (§4.2.4, FINISHED state).
 *
 * <p>Every datagram it sends or receives is read with the model's DTLS codecs
 * ({@link DtlsWireObserver}) and reported in the model engine's vocabulary. Make one with
 * {@link JsseEngineFactory#newDtlsEngine()}.
 */
public final class JsseDtlsEngine extends SslEngineAdapter {

  /** RFC 6347 §4.2.4.1's initial timer. */
  public static final long INITIAL_TIMER_MS = 1_000;

  /** RFC 6347 §4.2.4.1's upper bound (RFC 6298's maximum). */
  public static final long MAX_TIMER_MS = 60_000;

  private static final Logger LOG = LoggerFactory.getLogger(JsseDtlsEngine.class);

  private final DtlsDriver driver;
  private final DtlsWireObserver wire = new DtlsWireObserver();
  private long timerMs = INITIAL_TIMER_MS;
  private boolean timerArmed;
  /** This step sent a handshake message not sent before: a new flight, not a retransmission. */
  private boolean newFlight;

  JsseDtlsEngine(JsseProvider provider, Side side, SSLEngine engine, PeerTrust trust) {
    super(provider, side, trust);
    this.driver = new DtlsDriver(engine);
  }

  @Override
  public void decryptWith(MasterSecrets secrets) {
    wire.decryptWith(secrets);
  }

  /**
   * The provider's session, for what the trace does not carry (the master secret SunJSSE keeps
   * to itself, which a test reads for a key log).
   */
  public javax.net.ssl.SSLSession session() {
    return driver.session();
  }

  /** The retransmission timer the next expiry will double from (RFC 6347 §4.2.4.1). */
  public long timerMs() {
    return timerMs;
  }

  @Override
  public Step start() {
    begin();
    setState(side == Side.CLIENT ? "handshaking" : "waiting_client_hello");
    // Both sides begin, as in the JDK's DTLS tests: the server then waits for a ClientHello.
    run(driver::beginHandshake);
    return end(false);
  }

  @Override
  public Step receive(Bytes datagram) {
    if (terminal) {
      return Step.NOTHING;
    }
    begin();
    if ("waiting_client_hello".equals(state)) {
      setState("handshaking");
    }
    int mark = events.size();
    boolean wasInboundDone = driver.inboundDone();
    List<MessageInfo> infos = wire.observe(side.peer(), datagram);
    SslDriver.Performed o = run(() -> driver.receive(datagram.toByteArray()));
    boolean closedNow = !wasInboundDone && driver.inboundDone();
    List<EngineEvent> received = new ArrayList<>();
    for (MessageInfo raw : infos) {
      MessageInfo info = AlertInference.name(raw, false, closedNow, o.failure());
      if (info.alert() != null && info.alert().description() == AlertDescription.CLOSE_NOTIFY) {
        closeReceived = true;
      }
      received.add(new EngineEvent.MessageReceived(info));
      if (info.alert() != null) {
        received.add(new EngineEvent.AlertReceived(info.alert()));
      }
    }
    events.addAll(mark, received);
    closeIfBothDone();
    return end(false);
  }

  @Override
  public Step send(Bytes applicationData) {
    if (terminal || !established) {
      return refused("send", terminal ? "the connection is over" : "the handshake is not complete");
    }
    begin();
    run(() -> driver.send(applicationData.toByteArray()));
    return end(false);
  }

  @Override
  public Step renegotiate() {
    return refused("renegotiate", name() + " DTLS: renegotiation is not offered by this adapter");
  }

  @Override
  public Step close() {
    if (terminal) {
      return Step.NOTHING;
    }
    begin();
    setState("closing");
    run(driver::closeOutbound);
    closeIfBothDone();
    return end(false);
  }

  @Override
  void abandon() {
    driver.abandon();
  }

  /** The host's timer expired: double it and make the engine resend its flight (RFC 6347 §4.2.4.1). */
  @Override
  public Step retransmissionTimeout() {
    if (terminal || !timerArmed) {
      return Step.NOTHING;
    }
    begin();
    timerArmed = false;
    timerMs = Math.min(timerMs * 2, MAX_TIMER_MS);
    run(driver::retransmit);
    return end(true);
  }

  @Override
  public String waitingFor() {
    if (terminal || established) {
      return "";
    }
    return JsseEngine.waitingFor(side, lastFrom, lastMessage, wire.abbreviated());
  }

  // ---- one step -------------------------------------------------------------------------------

  @Override
  void begin() {
    super.begin();
    newFlight = false;
  }

  @Override
  Step end() {
    return end(false);
  }

  /**
   * Ends the step, deciding the retransmission timer: armed while the engine waits for the peer
   * after sending, at 1 s for a new flight; a flight sent again (on the timer, or answering the
   * peer's retransmission, RFC 6347 §4.2.4 "Read retransmit") restarts it at its current,
   * doubled value. Cancelled once the handshake is over or the connection ended.
   */
  private Step end(boolean retransmission) {
    if (terminal || !driver.handshaking()) {
      if (timerArmed) {
        timerArmed = false;
        events.add(EngineEvent.RetransmissionTimer.cancel());
      }
      timerMs = INITIAL_TIMER_MS;
    } else if (driver.waiting() && (retransmission || !records.isEmpty())) {
      if (newFlight) {
        timerMs = INITIAL_TIMER_MS;
      }
      timerArmed = true;
      events.add(new EngineEvent.RetransmissionTimer(timerMs));
    }
    return super.end();
  }

  /** Runs a driver action, then reports the datagrams it sent and whatever state change followed. */
  private SslDriver.Performed run(SslDriver.Action action) {
    SslDriver.Performed o = driver.perform(action);
    int freshBefore = wire.freshMessages(side);
    for (Bytes datagram : o.sent()) {
      records.add(datagram);
      for (MessageInfo raw : wire.observe(side, datagram)) {
        reportSent(raw, driver.outboundDone(), o.failure());
      }
    }
    newFlight |= wire.freshMessages(side) > freshBefore;
    for (Bytes data : o.applicationData()) {
      events.add(new EngineEvent.ApplicationDataReceived(data));
    }
    if (o.handshakeFinished() && !established) {
      completeHandshake();
    }
    if (o.failure() != null) {
      LOG.debug("{} {} failed: {}", name(), side.label(), o.failure());
      setState("failed");
      terminal = true;
    }
    return o;
  }

  private void closeIfBothDone() {
    if (!terminal && closeReceived && driver.outboundDone()) {
      events.add(new EngineEvent.Closed());
      setState("closed");
      terminal = true;
    } else if (!terminal && closeReceived) {
      setState("closing");
    }
  }

  private void completeHandshake() {
    Negotiated n;
    try {
      n = NegotiatedView.of(wire.clientHello(), wire.serverHello(), wire.abbreviated(), driver.session(), side);
    } catch (RuntimeException e) {
      LOG.debug("{} {} failed: {}", name(), side.label(), e.getMessage());
      driver.abandon();
      setState("failed");
      terminal = true;
      return;
    }
    trust.takeProblem(driver.engine());
    establish(n);
  }
}
