package dev.hslab.real.findings;

/** What a difference between a real engine and the model's expectation means. */
public enum FindingClass {
  /** The engine accepts (completes the handshake) what the RFC says must be refused. */
  CONFORMANCE("conformance finding", "accepts what must be refused"),
  /** The engine refuses, or ends the connection, in another way the RFC also allows (another alert, a close_notify). */
  ALLOWED("different but allowed", "refuses or ends in another way the RFC allows"),
  /** The engine refuses but sends no alert (RFC 5246 §7.2.2: the detecting party sends one). */
  SILENT("refused without an alert", "stops without the alert RFC 5246 §7.2.2 has the detecting party send"),
  /** What the engine really did is hidden from us by the API we drive it through. */
  OBSERVATION_LIMIT("limit of our observation", "the interface we drive the engine through hides what it did"),
  /** The same trace ended differently in repeated runs: no rule can classify it. */
  NONDETERMINISTIC("nondeterministic", "the same trace ended differently in repeated runs"),
  /** No rule matches: a difference nobody has explained yet. */
  UNCLASSIFIED("UNCLASSIFIED", "no rule of the table matches this difference");

  private final String label;
  private final String meaning;

  FindingClass(String label, String meaning) {
    this.label = label;
    this.meaning = meaning;
  }

  public String label() {
    return label;
  }

  public String meaning() {
    return meaning;
  }
}
