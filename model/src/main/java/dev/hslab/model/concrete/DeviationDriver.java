package dev.hslab.model.concrete;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.Engine;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.HandshakeClose;
import dev.hslab.model.engine.ModelEngine;
import dev.hslab.model.engine.OutgoingTap;
import dev.hslab.model.engine.Session;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.explore.Configuration;
import dev.hslab.model.explore.Deviation;
import dev.hslab.model.explore.Mutation;
import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.loopback.Loopback;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.wire.Bytes;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Runs a {@link Deviation} with real crypto. The deviating side is a model engine whose records
 * the driver drops, repeats, swaps or rewrites (plaintext hellos only), or which itself writes an
 * extra well-formed message under its current keys ({@link ModelEngine#createDeviating}); the
 * other side is the engine under test. Records are delivered as {@code Loopback} and the
 * explorer's canonical order deliver them (the client's first, the script's next step only when
 * the network is quiet), so the concrete run follows the model's.
 */
public final class DeviationDriver {

  private static final int MAX_RECORDS = 10_000;

  private final Configuration configuration;
  private final ConfigMapping.Target target;
  private final EngineUnderTest sut;
  private final MessageSamples samples;

  public DeviationDriver(Configuration configuration, ConfigMapping.Target target, EngineUnderTest sut,
      MessageSamples samples) {
    this.configuration = configuration;
    this.target = target;
    this.sut = sut;
    this.samples = samples;
  }

  public DeviationRun run(Deviation d) {
    Mutation m = d.mutation();
    if (target.connection() > 1 && !sut.resumes()) {
      return skipped(d, "resumed connections need the model's session cache");
    }
    OutgoingTap tap = OutgoingTap.NONE;
    if (m.inject() != null) {
      Optional<OutgoingTap.Extra> extra = samples.get(m.sender(), m.inject());
      if (extra.isEmpty()) {
        return skipped(d, "no " + m.inject().label() + " at this version");
      }
      tap = n -> n == m.senderRecord() ? List.of(extra.get()) : List.of();
    }
    HandshakeConfig hc = target.config();
    Credentials creds = Credentials.forSeed(hc.seed());
    SessionCache cache = new SessionCache(16);
    Optional<Session> resume = Optional.empty();
    if (target.connection() == 2) {
      ModelEngine<?> c1 = ModelEngine.create(EngineConfigs.client(hc, creds, 1, resume));
      ModelEngine<?> s1 = ModelEngine.create(EngineConfigs.server(hc, creds, 1, cache));
      Loopback.run(c1, s1, List.of(new Loopback.Action.Close(Side.CLIENT)));
      resume = c1.session();
    }
    EngineConfig clientConfig = EngineConfigs.client(hc, creds, target.connection(), resume);
    EngineConfig serverConfig = EngineConfigs.server(hc, creds, target.connection(), cache);
    ModelEngine<?> deviating = ModelEngine.createDeviating(m.sender() == Side.CLIENT ? clientConfig : serverConfig, tap);
    try {
      // Inside the try: an engine that cannot be built for this configuration (OpenSSL as a
      // client) skips the trace with its reason, like a run that fails.
      Engine underTest = sut.create(m.sender() == Side.CLIENT ? serverConfig : clientConfig, deviating);
      Engine client = m.sender() == Side.CLIENT ? deviating : underTest;
      Engine server = m.sender() == Side.SERVER ? deviating : underTest;
      Pump p = new Pump(client, server, m);
      Outcome actual = p.run(script());
      return new DeviationRun(d, sut.name(), actual, p.labels, "");
    } catch (RuntimeException e) {
      return skipped(d, "the run failed: " + e.getMessage());
    }
  }

  private DeviationRun skipped(Deviation d, String why) {
    return new DeviationRun(d, sut.name(), null, List.of(), why);
  }

  /** The explorer's script (its {@code ScriptStep.of}): a record each way, the renegotiation, the close. */
  private List<Loopback.Action> script() {
    List<Loopback.Action> s = new ArrayList<>();
    s.add(new Loopback.Action.Send(Side.CLIENT, LoopbackRun.text("GET /")));
    s.add(new Loopback.Action.Send(Side.SERVER, LoopbackRun.text("200 OK")));
    switch (configuration.renegotiation()) {
      case CLIENT -> s.add(new Loopback.Action.Renegotiate(Side.CLIENT));
      case SERVER -> s.add(new Loopback.Action.Renegotiate(Side.SERVER));
      case NONE -> { }
    }
    s.add(new Loopback.Action.Close(configuration.closer()));
    return s;
  }

  /** One connection between the two engines, with the mutation applied on the way. */
  private static final class Pump {
    private final Engine client;
    private final Engine server;
    private final Mutation m;
    private final List<Bytes> toServer = new ArrayList<>();
    private final List<Bytes> toClient = new ArrayList<>();
    private final int[] numbered = new int[2];
    private final List<Integer> toServerNo = new ArrayList<>();
    private final List<Integer> toClientNo = new ArrayList<>();
    private final List<String> labels = new ArrayList<>();
    /** The first ending: a fatal alert sent, or a handshake ended by close_notify. */
    private Outcome first;
    /** The fatal alerts sent after a handshake ended by close_notify. */
    private final List<Outcome> later = new ArrayList<>();
    private final HandshakeClose close = new HandshakeClose();
    private final boolean[] closed = new boolean[2];
    private boolean applied;

    Pump(Engine client, Engine server, Mutation m) {
      this.client = client;
      this.server = server;
      this.m = m;
    }

    Outcome run(List<Loopback.Action> script) {
      take(Side.SERVER, server.start());
      take(Side.CLIENT, client.start());
      pump();
      boolean refused = false;
      for (Loopback.Action a : script) {
        Engine e = a.side() == Side.CLIENT ? client : server;
        if (e.terminal()) {
          break;
        }
        var step = a instanceof Loopback.Action.Send s ? e.send(s.data())
            : a instanceof Loopback.Action.Renegotiate ? e.renegotiate() : e.close();
        refused = step.events().stream().anyMatch(ev -> ev instanceof EngineEvent.Refused);
        take(a.side(), step);
        pump();
        if (refused) {
          break; // the explorer's script waits here for good: the timers end it
        }
      }
      boolean timedOut = false;
      for (Engine e : List.of(client, server)) {
        if (!e.terminal()) {
          take(e.side(), e.timeout());
          timedOut = true;
        }
      }
      if (first != null) {
        return first.kind() == Outcome.Kind.CLOSED_DURING_HANDSHAKE ? first.withFurther(later) : first;
      }
      if (timedOut || refused) {
        return Outcome.timeout();
      }
      // Completed means both sides closed cleanly; an engine that stopped without either is not.
      return closed[0] && closed[1] ? Outcome.CLOSED : Outcome.ABORTED;
    }

    private void take(Side side, dev.hslab.model.engine.Step step) {
      for (EngineEvent e : step.events()) {
        if (close.observe(side, e) && first == null) {
          first = close.ending().orElseThrow();
        }
        if (e instanceof EngineEvent.MessageSent ms) {
          labels.add(side.label() + "." + ms.message().label());
        } else if (e instanceof EngineEvent.Closed) {
          closed[side.ordinal()] = true;
        } else if (e instanceof EngineEvent.AlertSent as) {
          Outcome alert = Outcome.alert(side, as.alert().description());
          if (first == null) {
            first = alert;
          } else if (first.kind() == Outcome.Kind.CLOSED_DURING_HANDSHAKE) {
            later.add(alert);
          }
        }
      }
      List<Bytes> q = side == Side.CLIENT ? toServer : toClient;
      List<Integer> nos = side == Side.CLIENT ? toServerNo : toClientNo;
      for (Bytes r : step.records()) {
        q.add(r);
        nos.add(++numbered[side.ordinal()]);
      }
    }

    /** Delivers the client's records first, one at a time, until both directions are empty. */
    private void pump() {
      int n = 0;
      while (!toServer.isEmpty() || !toClient.isEmpty()) {
        if (++n > MAX_RECORDS) {
          throw new IllegalStateException("more than " + MAX_RECORDS + " records: the engines loop");
        }
        Side to = !toServer.isEmpty() ? Side.SERVER : Side.CLIENT;
        List<Bytes> q = to == Side.SERVER ? toServer : toClient;
        List<Integer> nos = to == Side.SERVER ? toServerNo : toClientNo;
        Bytes r = q.remove(0);
        int no = nos.remove(0);
        if (!applied && to == m.receiver() && m.inject() == null && no == m.senderRecord()) {
          applied = true;
          switch (m.kind()) {
            case SKIP -> {
              continue;
            }
            case REPEAT -> {
              q.add(0, r);
              nos.add(0, no);
            }
            case SWAP -> {
              if (q.isEmpty()) {
                throw new IllegalStateException("swap: the next record is not on the wire");
              }
              q.add(1, r);
              nos.add(1, no);
              continue; // the swapped pair is delivered in the canonical order, like the explorer's
            }
            case VERSION_DOWNGRADE -> r = withHelloVersion(r, m.version().major(), m.version().minor());
            default -> throw new IllegalStateException("not a record mutation: " + m.kind());
          }
        }
        Engine e = to == Side.SERVER ? server : client;
        if (!e.terminal()) {
          take(to, e.receive(r));
        }
      }
    }

    /** A plaintext hello with another version: bytes 9–10 (5 record header + 4 handshake header). */
    private static Bytes withHelloVersion(Bytes record, int major, int minor) {
      byte[] b = record.toByteArray();
      b[9] = (byte) major;
      b[10] = (byte) minor;
      return Bytes.wrap(b);
    }
  }
}
