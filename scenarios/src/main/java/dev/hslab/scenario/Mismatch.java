package dev.hslab.scenario;

/**
 * One way a run differs from its {@code expect:} block.
 *
 * @param field the expectation's field, e.g. {@code expect.sequence} or {@code expect.contains[3]}
 * @param message the 1-based number of the message in the run's sequence it is about, or 0
 */
public record Mismatch(String field, int message, String expected, String actual) {

  /** {@code expect.sequence: message 6: expected client.certificate, got client.client_key_exchange}. */
  public String describe() {
    return field + ": " + (message > 0 ? "message " + message + ": " : "") + "expected " + expected + ", got " + actual;
  }
}
