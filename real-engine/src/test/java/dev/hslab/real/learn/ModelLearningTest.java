package dev.hslab.real.learn;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import net.automatalib.util.automaton.Automata;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The check of learner and mapper: the model engine, learned from the outside through the
 * scripted peer, is the Mealy machine its transition table defines over the same alphabet.
 */
class ModelLearningTest {

  @ParameterizedTest
  @CsvSource({"SERVER, ECDHE_RSA", "CLIENT, RSA"})
  void theModelEngineLearnedIsTheTablesProjection(Side role, KeyExchange kex) {
    LearnSetup setup = new LearnSetup(role, HandshakeConfig.of(ProtocolVersion.TLS12, kex), LearnSetup.fullAlphabet(role));
    LearnResult r = Learner.learn(setup, Sul.model(), CounterexampleSearch.defaults(1), 1);

    assertThat(Automata.findSeparatingWord(r.machine(), TableProjection.of(setup), setup.inputs())).isNull();
    assertThat(r.differences()).isEmpty();
    // The happy path, as RFC 5246 §7.3 draws it, is in the learned machine.
    List<String> happy = role == Side.SERVER
        ? r.machine().computeOutput(List.of(MessageKind.CLIENT_HELLO, MessageKind.CLIENT_KEY_EXCHANGE,
            MessageKind.CHANGE_CIPHER_SPEC, MessageKind.FINISHED)).asList()
        : List.of();
    if (role == Side.SERVER) {
      assertThat(happy.get(0)).startsWith("server_hello certificate");
      assertThat(happy.get(3)).isEqualTo("change_cipher_spec finished");
    }
  }
}
