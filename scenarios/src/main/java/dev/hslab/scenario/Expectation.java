package dev.hslab.scenario;

import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import java.util.Locale;
import java.util.Optional;

/**
 * A scenario's {@code expect:} block: what the run must show. Everything but the outcome is
 * optional; an empty optional or list checks nothing.
 *
 * @param sequence the exact {@code side.type} labels of every connection of the run, in order
 * @param contains labels that must appear in this order, not necessarily adjacent
 * @param absent labels that must not appear anywhere
 * @param alert the first fatal alert of the run and who sent it
 * @param timeout a side whose handshake timer expired, and the state it was in
 */
public record Expectation(
    Expected outcome,
    Optional<List<String>> sequence,
    List<String> contains,
    List<String> absent,
    Optional<AlertExpectation> alert,
    Optional<TimeoutExpectation> timeout,
    Optional<ProtocolVersion> version,
    Optional<CipherSuite> cipherSuite,
    Optional<Boolean> resumed) {

  /** The outcome a scenario expects: established, or failed in any way. */
  public enum Expected {
    ESTABLISHED,
    FAILED;

    public String label() {
      return name().toLowerCase(Locale.ROOT);
    }
  }

  /** A fatal alert {@code from} sends, by its RFC name ({@code bad_record_mac}). */
  public record AlertExpectation(String name, Side from) {}

  /** {@code waitingFor} is a message type, or empty to not check it. */
  public record TimeoutExpectation(Side side, String state, Optional<String> waitingFor) {}

  public Expectation {
    sequence = sequence.map(List::copyOf);
    contains = List.copyOf(contains);
    absent = List.copyOf(absent);
  }
}
