package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.handshake.Side;
import java.util.List;
import org.junit.jupiter.api.Test;

class FaultSpecTest {

  @Test
  void parsesEveryKindOfTheContractGrammar() {
    assertThat(FaultSpec.parse("drop:server.server_key_exchange"))
        .isEqualTo(new FaultSpec(FaultKind.DROP, new FaultSpec.Target(Side.SERVER, "server_key_exchange", 1), 0, null));
    assertThat(FaultSpec.parse("corrupt:client.finished:5").offset()).isEqualTo(5);
    assertThat(FaultSpec.parse("delay:server.server_hello_done:3000").delayMs()).isEqualTo(3000);
    assertThat(FaultSpec.parse("truncate:client.client_hello#2:10").target().occurrence()).isEqualTo(2);
    assertThat(FaultSpec.parse("inject:client.finished:change_cipher_spec").injectType()).isEqualTo("change_cipher_spec");
    assertThat(FaultSpec.parse("reorder:server.certificate").kind()).isEqualTo(FaultKind.REORDER);
    assertThat(FaultSpec.parse("duplicate:server.finished").kind()).isEqualTo(FaultKind.DUPLICATE);
  }

  @Test
  void canonicalTextParsesBackToTheSameSpec() {
    for (String s : List.of("drop:server.server_key_exchange", "corrupt:client.finished:5", "delay:server.finished#2:2.5",
        "inject:client.finished:change_cipher_spec", "truncate:client.client_hello:10")) {
      assertThat(FaultSpec.parse(FaultSpec.parse(s).toString())).isEqualTo(FaultSpec.parse(s));
      assertThat(FaultSpec.parse(s).toString()).isEqualTo(s);
    }
  }

  @Test
  void errorsSayExactlyWhatIsWrong() {
    assertThatThrownBy(() -> FaultSpec.parse("")).hasMessage(
        "--fault '': expected KIND:TARGET[:ARG], e.g. drop:server.server_key_exchange or corrupt:client.finished:5");
    assertThatThrownBy(() -> FaultSpec.parse("smash:client.finished")).hasMessage(
        "--fault 'smash:client.finished': unknown fault kind 'smash'; one of drop, duplicate, delay, corrupt, truncate, reorder, inject");
    assertThatThrownBy(() -> FaultSpec.parse("drop:finished")).hasMessage(
        "--fault 'drop:finished': target 'finished' must be client.TYPE or server.TYPE, optionally with #N");
    assertThatThrownBy(() -> FaultSpec.parse("drop:peer.finished")).hasMessage(
        "--fault 'drop:peer.finished': target side 'peer' must be client or server");
    assertThatThrownBy(() -> FaultSpec.parse("drop:client.hello")).hasMessageStartingWith(
        "--fault 'drop:client.hello': unknown message type 'hello'; one of hello_request, client_hello,");
    assertThatThrownBy(() -> FaultSpec.parse("drop:client.finished#0")).hasMessage(
        "--fault 'drop:client.finished#0': '#0' must be a message number from 1");
    assertThatThrownBy(() -> FaultSpec.parse("drop:client.finished:3")).hasMessage(
        "--fault 'drop:client.finished:3': drop takes no argument, got ':3'");
    assertThatThrownBy(() -> FaultSpec.parse("delay:client.finished")).hasMessage(
        "--fault 'delay:client.finished': delay needs an argument: milliseconds");
    assertThatThrownBy(() -> FaultSpec.parse("corrupt:client.finished:x")).hasMessage(
        "--fault 'corrupt:client.finished:x': corrupt argument 'x' is not a whole number (a byte offset in the record, header included)");
    assertThatThrownBy(() -> FaultSpec.parse("delay:client.finished:-5")).hasMessage(
        "--fault 'delay:client.finished:-5': delay argument '-5' must not be negative (milliseconds)");
    assertThatThrownBy(() -> FaultSpec.parse("inject:client.finished:bogus")).hasMessageStartingWith(
        "--fault 'inject:client.finished:bogus': unknown message type 'bogus' to inject");
    assertThatThrownBy(() -> FaultSpec.parse("drop:client.finished:a:b")).hasMessageContaining("expected KIND:TARGET[:ARG]");
  }

  @Test
  void networkFlagsAreCheckedWithTheFlagInTheMessage() {
    NetworkOptions o = NetworkOptions.fromFlags(0.1, null, null, 0.2, "1-20", List.of("drop:client.finished"));
    assertThat(o.loss()).isEqualTo(0.1);
    assertThat(o.corrupt()).isEqualTo(0.2);
    assertThat(o.toServer()).isEqualTo(new Latency.Uniform(1, 20));
    assertThat(o.faults()).hasSize(1);
    assertThat(NetworkOptions.fromFlags(null, null, null, null, "5", null).toClient()).isEqualTo(new Latency.Fixed(5));
    assertThatThrownBy(() -> NetworkOptions.fromFlags(1.5, null, null, null, null, null))
        .hasMessage("--loss 1.5: must be a probability between 0 and 1");
    assertThatThrownBy(() -> NetworkOptions.fromFlags(null, null, null, null, "fast", null))
        .hasMessage("--latency 'fast': expected MS or MIN-MAX in milliseconds, e.g. 5 or 1-20");
    assertThatThrownBy(() -> NetworkOptions.fromFlags(null, null, null, null, "20-1", null))
        .hasMessageStartingWith("--latency '20-1': latency range");
  }
}
