package dev.hslab.real.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.real.JsseProvider;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * SunJSSE as a TLS 1.2 ECDHE_RSA server, learned over the small alphabet: the scripted peer's
 * messages are good enough for a real engine to complete the handshake and carry data (checked
 * against SunJSSE, which we did not write), and the learned machine agrees with the tables on
 * that path.
 */
class JsseLearningTest {

  @Test
  void sunJsseServerLearnedOverTheHappyPathAlphabet() {
    LearnSetup setup = new LearnSetup(Side.SERVER, HandshakeConfig.reference(), LearnSetup.smallAlphabet(Side.SERVER));
    LearnResult r = Learner.learn(setup, Sul.jsse(JsseProvider.JSSE), CounterexampleSearch.defaults(1), 2);

    List<MessageKind> happy = List.of(MessageKind.CLIENT_HELLO, MessageKind.CLIENT_KEY_EXCHANGE,
        MessageKind.CHANGE_CIPHER_SPEC, MessageKind.FINISHED, MessageKind.APPLICATION_DATA);
    assertThat(r.machine().computeOutput(happy).asList()).containsExactly(
        "server_hello certificate server_key_exchange server_hello_done", "-", "-", "change_cipher_spec finished", "-");
    assertThat(r.machine().computeOutput(happy).asList())
        .isEqualTo(TableProjection.of(setup).computeOutput(happy).asList());
    // Finished before ChangeCipherSpec: both refuse and close.
    assertThat(r.machine().computeOutput(List.of(MessageKind.CLIENT_HELLO, MessageKind.CLIENT_KEY_EXCHANGE,
        MessageKind.FINISHED)).lastSymbol()).endsWith(EngineOracle.CLOSED);
    assertThat(r.states()).isGreaterThanOrEqualTo(5);
  }
}
