package dev.hslab.model.pki;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** RFC 6125 §6.4 matching of a reference host name against a DNS-ID. */
class HostNamesTest {

  @Test
  void exactMatchIgnoresAsciiCaseAndTheRootDot() {
    assertThat(HostNames.matches("www.example.com", "www.example.com")).isTrue();
    assertThat(HostNames.matches("WWW.Example.COM", "www.example.com")).isTrue(); // §6.4.1
    assertThat(HostNames.matches("www.example.com.", "www.example.com")).isTrue();
    assertThat(HostNames.matches("example.com", "www.example.com")).isFalse();
    assertThat(HostNames.matches("www.example.com", "example.com")).isFalse();
  }

  @Test
  void wildcardStandsForExactlyOneNonEmptyLeftMostLabel() {
    // RFC 6125 §6.4.3 examples: *.example.com matches foo.example.com, not bar.foo.example.com
    // nor example.com.
    assertThat(HostNames.matches("foo.example.com", "*.example.com")).isTrue();
    assertThat(HostNames.matches("bar.foo.example.com", "*.example.com")).isFalse();
    assertThat(HostNames.matches("example.com", "*.example.com")).isFalse();
    assertThat(HostNames.matches(".example.com", "*.example.com")).isFalse();
  }

  @Test
  void refusesWildcardsBeyondTheBasicForm() {
    assertThat(HostNames.matches("example.com", "*.com")).isFalse(); // whole top-level domain
    assertThat(HostNames.matches("www.example.com", "w*.example.com")).isFalse(); // partial label
    assertThat(HostNames.matches("www.example.com", "www.*.com")).isFalse(); // not left-most
    assertThat(HostNames.matches("a.b.example.com", "*.*.example.com")).isFalse();
  }

  @Test
  void ipAddressesNeverMatchDnsIds() {
    assertThat(HostNames.matches("192.0.2.1", "192.0.2.1")).isFalse();
    assertThat(HostNames.matches("192.0.2.1", "*.0.2.1")).isFalse();
    assertThat(HostNames.matches("::1", "::1")).isFalse();
  }

  @Test
  void internationalizedNamesCompareAsALabels() {
    // RFC 6125 §6.4.2. "bücher" -> "xn--bcher-kva" is the Punycode example of RFC 3492 §7.1
    // implementations and the IDNA literature; the JDK's java.net.IDN computes it.
    assertThat(HostNames.matches("bücher.example", "xn--bcher-kva.example")).isTrue();
    assertThat(HostNames.matches("bucher.example", "xn--bcher-kva.example")).isFalse();
  }

  @Test
  void readsIpLiteralsAsTheirBytesAndNothingElse() {
    assertThat(HostNames.ipAddress("127.0.0.1")).hasValueSatisfying(b -> assertThat(b).containsExactly(127, 0, 0, 1));
    assertThat(HostNames.ipAddress("::1")).hasValueSatisfying(b -> assertThat(b).hasSize(16).endsWith((byte) 1));
    assertThat(HostNames.ipAddress("[::1]")).hasValueSatisfying(b -> assertThat(b).hasSize(16));
    assertThat(HostNames.ipAddress("localhost")).isEmpty();
    assertThat(HostNames.ipAddress("127.1")).isEmpty(); // no legacy short forms
    assertThat(HostNames.ipAddress("256.0.0.1")).isEmpty();
    assertThat(HostNames.ipAddress("1..2.3")).isEmpty();
    assertThat(HostNames.ipAddress("1:2:3")).isEmpty();
  }
}
