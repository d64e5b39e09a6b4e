package dev.hslab.real.conform;

import java.util.List;

/**
 * The verdict of running one endpoint's message sequence through its role's transition table.
 *
 * @param accepted every message was allowed where it came: each received one has a row in the
 *     state it arrived in, each sent one is what a row emits there (in the row's order) or starts
 *     a local row (start, send data, close, renegotiate)
 * @param finalState the table state after the last message
 * @param complete nothing the table still owed was missing at the end
 * @param endedByAlert the fatal alert that ended the sequence, or null
 * @param problem for a rejected sequence, the message, its position (from 1) and why
 * @param path the table states passed through, e.g. {@code WAIT_SERVER_HELLO}
 */
public record Acceptance(
    boolean accepted, String finalState, boolean complete, String endedByAlert, String problem, List<String> path) {

  public Acceptance {
    path = List.copyOf(path);
  }

  /** One line: {@code accepted (ESTABLISHED)} or {@code rejected: 7 recv.finished: ...}. */
  public String summary() {
    if (!accepted) {
      return "rejected: " + problem;
    }
    return "accepted (" + finalState + (complete ? "" : ", incomplete")
        + (endedByAlert != null ? ", ended by " + endedByAlert : "") + ")";
  }
}
