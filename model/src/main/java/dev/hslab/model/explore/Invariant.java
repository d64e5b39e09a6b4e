package dev.hslab.model.explore;

import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.HandshakeState.Phase;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.AlertDescription;
import java.util.Objects;

/**
 * What must hold on every step. Each is checked on every transition, with the world before and
 * after: "established only after verifying Finished" is a property of how a state is entered, so
 * a step (TLA+'s [][A]_v) is the natural unit. Each returns a message naming the breach, or null.
 * The fifth invariant of the brief — no silent hang — is the explorer's deadlock check.
 */
public enum Invariant {

  /** Both sides established ⇒ they agree on version, key exchange (the suite) and session. */
  AGREEMENT {
    @Override
    String check(Model m, World before, Semantics.Transit t) {
      Endpoint c = t.after().client();
      Endpoint s = t.after().server();
      if (c.established() && s.established() && c.done() != 0 && s.done() != 0 && c.done() != s.done()) {
        return "client has " + Endpoint.describeDone(c.done()) + ", server has " + Endpoint.describeDone(s.done());
      }
      return null;
    }
  },

  /**
   * A side becomes established only by verifying the peer's Finished after the peer's
   * ChangeCipherSpec (RFC 5246 §7.1, §7.4.9), or, for a client whose renegotiation was refused,
   * by going back to the connection it had (RFC 5246 §7.2.2 no_renegotiation).
   */
  ESTABLISHED_ONLY_AFTER_FINISHED {
    @Override
    String check(Model m, World before, Semantics.Transit t) {
      for (Side side : SIDES) {
        Endpoint b = before.endpoint(side);
        Endpoint a = t.after().endpoint(side);
        if (b.state().phase() != Phase.ESTABLISHED && !b.terminal() && a.established()) {
          boolean read = t.receiver() == side && t.accepted();
          boolean finished = read && t.received() == MessageKind.FINISHED && b.peerCcs();
          boolean refused = read && t.received() == MessageKind.NO_RENEGOTIATION_ALERT && b.facts().renegotiating();
          if (!finished && !refused) {
            return side.label() + " established in " + a.state().name() + " from " + b.state().name()
                + (read ? " on " + t.received().label() : "") + " without the " + side.peer().label()
                + "'s Finished after its ChangeCipherSpec";
          }
        }
      }
      return null;
    }
  },

  /** No application data is accepted before the side has been established (RFC 5246 §6.2, §7). */
  NO_EARLY_APPLICATION_DATA {
    @Override
    String check(Model m, World before, Semantics.Transit t) {
      if (t.accepted() && t.received() == MessageKind.APPLICATION_DATA) {
        Endpoint b = before.endpoint(t.receiver());
        if (b.state().phase() != Phase.ESTABLISHED && !b.facts().renegotiating()) {
          return t.receiver().label() + " accepted application_data in " + b.state().name();
        }
      }
      return null;
    }
  },

  /** Client authentication required ⇒ the server completes a full handshake only with a client certificate. */
  CLIENT_AUTH_REQUIRED {
    @Override
    String check(Model m, World before, Semantics.Transit t) {
      Endpoint b = before.server();
      Endpoint a = t.after().server();
      if (m.config().clientAuth() == ClientAuth.REQUIRE && m.config().certificateRequested()
          && b.state().phase() != Phase.ESTABLISHED && a.established() && !a.facts().resumed()
          && a.facts().version() != null && !a.facts().clientCertificate()) {
        return "server established in " + a.state().name() + " without a client certificate";
      }
      return null;
    }
  },

  /** A side that reads close_notify has read every data record the peer sent before it (RFC 5246 §7.2.1). */
  NO_SILENT_DATA_LOSS {
    @Override
    String check(Model m, World before, Semantics.Transit t) {
      if (t.accepted() && t.received() == MessageKind.CLOSE_NOTIFY_ALERT) {
        Endpoint r = t.after().endpoint(t.receiver());
        Endpoint p = t.after().endpoint(t.receiver().peer());
        if (r.dataReceived() != p.dataSent()) {
          return t.receiver().label() + " read close_notify after " + r.dataReceived() + " of " + p.dataSent()
              + " application_data records";
        }
      }
      return null;
    }
  },

  /**
   * Without any fault, nobody sends a fatal alert, except the one the configuration calls for (a
   * server that requires a certificate the client lacks, RFC 5246 §7.4.6). A table that leaves out
   * a message its peer expects shows here.
   */
  HONEST_RUN_SUCCEEDS {
    @Override
    String check(Model m, World before, Semantics.Transit t) {
      if (t.after().faultsLeft() != m.faults()) {
        return null;
      }
      for (Side side : SIDES) {
        AlertDescription sent = t.after().endpoint(side).alertSent();
        if (sent != null && before.endpoint(side).alertSent() == null) {
          AlertDescription expected = side == Side.SERVER ? m.config().expectedServerAlert().orElse(null) : null;
          if (!Objects.equals(sent, expected)) {
            return side.label() + " sent " + sent.rfcName() + " on a perfect network";
          }
        }
      }
      return null;
    }
  };

  /** Side.values() copies its array on every call; the search checks every invariant on every step. */
  private static final Side[] SIDES = Side.values();

  abstract String check(Model m, World before, Semantics.Transit t);
}
