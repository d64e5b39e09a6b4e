package dev.hslab.output.capture;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.engine.EngineEvent;
import dev.hslab.model.engine.Negotiated;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.trace.TraceEvent;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.List;
import org.junit.jupiter.api.Test;

class KeyLogTest {

  private static Negotiated negotiated(String random, String master) {
    return new Negotiated(ProtocolVersion.TLS12, CipherSuite.values()[0], false, false, true, true, Bytes.EMPTY,
        Bytes.fromHex(random), Bytes.fromHex(master));
  }

  private static TraceEvent established(Side side, Negotiated n) {
    return new TraceEvent.OfEngine(0, side, new EngineEvent.Established(n));
  }

  @Test
  void writesOneNssClientRandomLinePerHandshakeEvenWhenBothSidesReportIt() {
    String r1 = "AB".repeat(32);
    String m1 = "01".repeat(48);
    String r2 = "cd".repeat(32);
    String m2 = "02".repeat(48);
    Trace t = new Trace(List.of(
        established(Side.CLIENT, negotiated(r1, m1)), established(Side.SERVER, negotiated(r1, m1)),
        established(Side.SERVER, negotiated(r2, m2)), established(Side.CLIENT, negotiated(r2, m2))));
    assertThat(KeyLog.text(t)).isEqualTo(
        "CLIENT_RANDOM " + r1.toLowerCase() + " " + m1 + "\n" + "CLIENT_RANDOM " + r2 + " " + m2 + "\n");
  }

  @Test
  void skipsHandshakesWithoutAMasterSecret() {
    Trace t = new Trace(List.of(established(Side.CLIENT, negotiated("aa".repeat(32), ""))));
    assertThat(KeyLog.text(t)).isEmpty();
  }
}
