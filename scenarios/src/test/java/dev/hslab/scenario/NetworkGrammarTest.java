package dev.hslab.scenario;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.actors.Latency;
import dev.hslab.actors.NetworkOptions;
import dev.hslab.model.fault.Fault;
import dev.hslab.model.fault.Fault.Target;
import dev.hslab.model.fault.FaultKind;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** The network's text grammar: what it reads, what it writes back, and how it says no. */
class NetworkGrammarTest {

  @Test
  void readsEveryKindOfTheContractGrammar() {
    assertThat(NetworkGrammar.fault("drop:server.server_key_exchange"))
        .isEqualTo(Fault.of(FaultKind.DROP, new Target(Side.SERVER, MessageKind.SERVER_KEY_EXCHANGE, 1)));
    assertThat(NetworkGrammar.fault("corrupt:client.finished:5").argument()).isEqualTo(new Fault.ByteOffset(5));
    assertThat(NetworkGrammar.fault("delay:server.server_hello_done:3000").argument()).isEqualTo(new Fault.DelayMs(3000));
    assertThat(NetworkGrammar.fault("truncate:client.client_hello#2:10"))
        .isEqualTo(Fault.truncate(new Target(Side.CLIENT, MessageKind.CLIENT_HELLO, 2), 10));
    assertThat(NetworkGrammar.fault("inject:client.finished:change_cipher_spec").argument())
        .isEqualTo(new Fault.Injected(MessageKind.CHANGE_CIPHER_SPEC));
    assertThat(NetworkGrammar.fault("reorder:server.certificate").kind()).isEqualTo(FaultKind.REORDER);
    assertThat(NetworkGrammar.fault("duplicate:server.finished").kind()).isEqualTo(FaultKind.DUPLICATE);
    // alert names a type: every alert the side sends counts
    assertThat(NetworkGrammar.fault("drop:client.alert").target().matches(Side.CLIENT, "alert", 1)).isTrue();
  }

  @Test
  void canonicalTextReadsBackToTheSameFault() {
    for (String s : List.of("drop:server.server_key_exchange", "corrupt:client.finished:5", "delay:server.finished#2:2.5",
        "delay:server.finished#2:3000", "inject:client.finished:change_cipher_spec", "truncate:client.client_hello:10",
        "drop:server.server_hello_done", "inject:server.finished#3:alert")) {
      assertThat(NetworkGrammar.fault(NetworkGrammar.fault(s).spec())).isEqualTo(NetworkGrammar.fault(s));
      assertThat(NetworkGrammar.fault(s).spec()).isEqualTo(s);
      assertThat(NetworkGrammar.fault(s).toString()).isEqualTo(s);
    }
  }

  /** parse(spec(f)) == f for every kind, at every message type of either side, first and later occurrences. */
  @Test
  void everyFaultValueSurvivesItsText() {
    List<Fault> all = new ArrayList<>();
    // The kinds the TLS fault grammar reads (DTLS's hello_verify_request is not among them).
    List<MessageKind> kinds = MessageKind.tls();
    for (Side side : Side.values()) {
      for (MessageKind m : kinds) {
        for (int n : new int[] {1, 2, 17}) {
          Target t = new Target(side, m, n);
          for (FaultKind k : FaultKind.values()) {
            all.add(switch (k) {
              case DELAY -> Fault.delay(t, n == 2 ? 0.25 : 3000);
              case CORRUPT -> Fault.corrupt(t, n * 5);
              case TRUNCATE -> Fault.truncate(t, n - 1);
              case INJECT -> Fault.inject(t, kinds.get((kinds.indexOf(m) + n) % kinds.size()));
              default -> Fault.of(k, t);
            });
          }
        }
      }
    }
    assertThat(all).hasSize(2 * kinds.size() * 3 * FaultKind.values().length);
    for (Fault f : all) {
      assertThat(NetworkGrammar.fault(f.spec())).as(f.spec()).isEqualTo(f);
    }
  }

  @Test
  void errorsSayExactlyWhatIsWrongAndTheFlagNamesWhere() {
    assertThatThrownBy(() -> fault("")).hasMessage(
        "--fault '': expected KIND:TARGET[:ARG], e.g. drop:server.server_key_exchange or corrupt:client.finished:5");
    assertThatThrownBy(() -> fault("smash:client.finished")).hasMessage(
        "--fault 'smash:client.finished': unknown fault kind 'smash'; one of drop, duplicate, delay, corrupt, truncate, reorder, inject");
    assertThatThrownBy(() -> fault("drop:finished")).hasMessage(
        "--fault 'drop:finished': target 'finished' must be client.TYPE or server.TYPE, optionally with #N");
    assertThatThrownBy(() -> fault("drop:peer.finished")).hasMessage(
        "--fault 'drop:peer.finished': target side 'peer' must be client or server");
    assertThatThrownBy(() -> fault("drop:client.hello")).hasMessageStartingWith(
        "--fault 'drop:client.hello': unknown message type 'hello'; one of hello_request, client_hello,");
    assertThatThrownBy(() -> fault("drop:client.finished#0")).hasMessage(
        "--fault 'drop:client.finished#0': '#0' must be a message number from 1");
    assertThatThrownBy(() -> fault("drop:client.finished:3")).hasMessage(
        "--fault 'drop:client.finished:3': drop takes no argument, got ':3'");
    assertThatThrownBy(() -> fault("delay:client.finished")).hasMessage(
        "--fault 'delay:client.finished': delay needs an argument: milliseconds");
    assertThatThrownBy(() -> fault("corrupt:client.finished:x")).hasMessage(
        "--fault 'corrupt:client.finished:x': corrupt argument 'x' is not a whole number (a byte offset in the record, header included)");
    assertThatThrownBy(() -> fault("delay:client.finished:-5")).hasMessage(
        "--fault 'delay:client.finished:-5': delay argument '-5' must not be negative (milliseconds)");
    assertThatThrownBy(() -> fault("inject:client.finished:bogus")).hasMessageStartingWith(
        "--fault 'inject:client.finished:bogus': unknown message type 'bogus' to inject");
    assertThatThrownBy(() -> fault("drop:client.finished:a:b")).hasMessageContaining("expected KIND:TARGET[:ARG]");
    // without the edge, the grammar says only what is wrong
    assertThatThrownBy(() -> NetworkGrammar.fault("drop:peer.finished"))
        .hasMessage("target side 'peer' must be client or server");
  }

  @Test
  void networkFlagsAreCheckedWithTheFlagInTheMessage() {
    NetworkOptions o = NetworkGrammar.fromFlags(0.1, null, null, 0.2, "1-20", List.of("drop:client.finished"));
    assertThat(o.loss()).isEqualTo(0.1);
    assertThat(o.corrupt()).isEqualTo(0.2);
    assertThat(o.toServer()).isEqualTo(new Latency.Uniform(1, 20));
    assertThat(o.faults()).containsExactly(Fault.of(FaultKind.DROP, new Target(Side.CLIENT, MessageKind.FINISHED)));
    assertThat(NetworkGrammar.fromFlags(null, null, null, null, "5", null).toClient()).isEqualTo(new Latency.Fixed(5));
    // No flag: a perfect link, with TCP under the records (the default for TLS).
    assertThat(NetworkGrammar.fromFlags(null, null, null, null, null, null))
        .isEqualTo(NetworkOptions.perfect().withTransport(dev.hslab.actors.Transport.TCP));
    assertThat(NetworkGrammar.fromFlags(null, null, null, null, null, null, "none", null)).isEqualTo(NetworkOptions.perfect());
    assertThat(NetworkGrammar.fromFlags(null, null, null, null, null, null, null, 200.0).tcp().minRtoMs()).isEqualTo(200);
    assertThatThrownBy(() -> NetworkGrammar.fromFlags(1.5, null, null, null, null, null))
        .hasMessage("--loss 1.5: must be a probability between 0 and 1");
    assertThatThrownBy(() -> NetworkGrammar.fromFlags(null, null, null, 2.0, null, null))
        .hasMessage("--corrupt 2: must be a probability between 0 and 1");
    assertThatThrownBy(() -> NetworkGrammar.fromFlags(null, null, null, null, "fast", null))
        .hasMessage("--latency 'fast': expected MS or MIN-MAX in milliseconds, e.g. 5 or 1-20");
    assertThatThrownBy(() -> NetworkGrammar.fromFlags(null, null, null, null, "20-1", null))
        .hasMessageStartingWith("--latency '20-1': latency range");
  }

  private static Fault fault(String text) {
    List<String> one = new ArrayList<>();
    one.add(text);
    return NetworkGrammar.fromFlags(null, null, null, null, null, one).faults().get(0);
  }
}
