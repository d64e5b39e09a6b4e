package dev.hslab.real;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.concrete.ConfigMapping;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.explore.ConfigurationSpace;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.real.conform.Conformance;
import dev.hslab.real.conform.ConformanceResult;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * {@code hslab conform}'s check over the legal TLS 1.2 configuration space (what a
 * provider cannot do is skipped with its reason): every real sequence is accepted by the tables
 * and equals the model-vs-model sequence once record splitting and undecryptable Finished are set
 * aside.
 */
class ConformanceTest {

  static Stream<Arguments> space() {
    TestPki.init();
    List<Arguments> out = new ArrayList<>();
    for (JsseProvider p : JsseProvider.values()) {
      for (HandshakeConfig hc : ConfigMapping.runs(ConfigurationSpace.runs(), ModelPeers.SEED)) {
        if (hc.clientMin().equals(ProtocolVersion.TLS12)) { // TLS 1.0/1.1: ModelInteropTest, time
          out.add(Arguments.of(p, hc));
        }
      }
    }
    return out.stream();
  }

  @ParameterizedTest(name = "{0} {1}")
  @MethodSource("space")
  void realSequencesAreAcceptedAndMatchTheModelOnceNormalized(JsseProvider p, HandshakeConfig hc) {
    for (Side side : Side.values()) {
      ConformanceResult r = Conformance.run(p, hc, side);
      if (r.skipped() != null) {
        assertThat(r.skipped()).isNotBlank();
        continue;
      }
      assertThat(r.acceptance()).allSatisfy(a -> assertThat(a.accepted()).as(a.summary()).isTrue());
      assertThat(r.difference()).as(side + " real " + r.real() + "\nmodel " + r.model()).isNull();
      assertThat(r.conforms()).isTrue();
    }
  }
}
