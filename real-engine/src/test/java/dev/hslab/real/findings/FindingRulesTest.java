package dev.hslab.real.findings;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.HashSet;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** The rule table itself: every rule cites an RFC section and quotes it; a limit names its API. */
class FindingRulesTest {

  @Test
  void everyRuleCitesAWellFormedRfcSectionAndQuotesIt() {
    for (FindingRule r : FindingRules.ALL) {
      assertThat(r.section()).as(r.id()).matches(FindingRule.SECTION);
      // Only the RFCs the table is about: TLS 1.2, session tickets, renegotiation indication.
      assertThat(r.section().split(", ")).as(r.id()).allMatch(s -> s.matches("RFC (5246|5077|5746) §.*"));
      assertThat(r.quote()).as(r.id()).isNotBlank();
      assertThat(r.reason()).as(r.id()).isNotBlank();
    }
    assertThat(FindingRule.SECTION.matcher("RFC 5246 7.2").matches()).isFalse();
    assertThat(FindingRule.SECTION.matcher("RFC 5246 §").matches()).isFalse();
    assertThat(FindingRule.SECTION.matcher("RFC 5246 §7.2.2, RFC 5077 §3.3").matches()).isTrue();
  }

  @Test
  void noObservationLimitWithoutTheApiThatHidesIt() {
    for (FindingRule r : FindingRules.ALL) {
      if (r.kind() == FindingClass.OBSERVATION_LIMIT) {
        assertThat(r.api()).as(r.id()).isNotBlank();
      } else {
        assertThat(r.api()).as(r.id() + ": an API only for a limit of our observation").isEmpty();
      }
      // Rules classify real differences: never as the two classes no rule can decide.
      assertThat(r.kind()).isNotIn(FindingClass.NONDETERMINISTIC, FindingClass.UNCLASSIFIED);
    }
  }

  /** BCJSSE trace 126 (RSA): both runs may end alike; then a rule, not UNCLASSIFIED, must cover it. */
  @Test
  void bcjsseReadingAnEncryptedFinishedAsPlaintextIsCoveredWhicheverWayItEnds() {
    Difference d = new Difference("bcjsse", "skip", "change_cipher_spec", "change_cipher_spec",
        "alert:engine:unexpected_message", "alert:engine:internal_error");
    assertThat(FindingsTable.rulesFor(d)).singleElement()
        .satisfies(r -> assertThat(r.id()).isEqualTo("finished-read-as-plaintext"));
  }

  /** A warning injected into the server's flight is about the warning, not about the flight's order. */
  @Test
  void aWarningBeforeTheCertificateIsCoveredOnlyByTheWarningRule() {
    Difference d = new Difference("jsse", "inject", "no_renegotiation", "certificate",
        "alert:engine:unexpected_message", "alert:engine:handshake_failure");
    assertThat(FindingsTable.rulesFor(d)).singleElement()
        .satisfies(r -> assertThat(r.id()).isEqualTo("refuses-warning"));
    Difference close = new Difference("bcjsse", "inject", "close_notify", "server_key_exchange",
        "alert:engine:unexpected_message", "alert:engine:handshake_failure");
    assertThat(FindingsTable.rulesFor(close)).singleElement()
        .satisfies(r -> assertThat(r.id()).isEqualTo("close-notify-fatal"));
  }

  @Test
  void idsAreUnique() {
    Set<String> ids = new HashSet<>();
    FindingRules.ALL.forEach(r -> assertThat(ids.add(r.id())).as(r.id()).isTrue());
  }

  @Test
  void patternsMatchOneOfNoneOfAndAnything() {
    assertThat(FindingRule.matches("*", "x")).isTrue();
    assertThat(FindingRule.matches("a|b", "b")).isTrue();
    assertThat(FindingRule.matches("a|b", "ab")).isFalse();
    assertThat(FindingRule.matches("!a|b", "a")).isFalse();
    assertThat(FindingRule.matches("!a|b", "c")).isTrue();
  }

  @Test
  void aCompletedHandshakeIsAConformanceFindingUnlessTheDeviationWasAWarning() {
    Difference skipped = new Difference("jsse", "skip", "certificate", "certificate", "alert:engine:unexpected_message", "closed");
    assertThat(FindingsTable.rulesFor(skipped)).singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(FindingClass.CONFORMANCE));
    Difference warning = new Difference("openssl", "inject", "no_certificate", "server_hello",
        "alert:engine:unexpected_message", "closed");
    assertThat(FindingsTable.rulesFor(warning)).singleElement()
        .satisfies(r -> assertThat(r.kind()).isEqualTo(FindingClass.ALLOWED));
  }
}
