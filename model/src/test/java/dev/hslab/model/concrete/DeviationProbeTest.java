package dev.hslab.model.concrete;

import dev.hslab.model.config.*;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.record.ProtocolVersion;
import dev.hslab.model.suite.KeyExchange;
import java.util.List;
import org.junit.jupiter.api.Test;

class DeviationProbeTest {
  @Test
  void probe() {
    for (HandshakeConfig hc : List.of(
        HandshakeConfig.of(ProtocolVersion.TLS10, KeyExchange.RSA).withClientAuth(ClientAuth.REQUIRE, ClientCertificate.RSA),
        HandshakeConfig.of(ProtocolVersion.SSL3, KeyExchange.DHE_RSA).withClientAuth(ClientAuth.REQUEST, ClientCertificate.NONE),
        HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.ECDHE_ECDSA).withResumption(Resumption.TICKET),
        HandshakeConfig.of(ProtocolVersion.TLS11, KeyExchange.PSK).withPskHint(true).withResumption(Resumption.ID),
        HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA).withRenegotiation(Renegotiation.SERVER),
        HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.DH_ANON).withRenegotiation(Renegotiation.CLIENT))) {
    long t = System.nanoTime();
    DeviationSuite.Result r = DeviationSuite.run(hc, EngineUnderTest.MODEL);
    for (DeviationRun x : r.runs()) {
      if (!x.ran() || !x.matches())
      System.out.println((x.ran() ? (x.matches() ? "ok   " : "DIFF ") : "skip ") + x.deviation().configuration() + " | " + x.deviation().mutation()
          + " | expected " + x.deviation().expected() + " | actual " + x.actual() + " " + x.note() + (x.matches() ? "" : " | " + x.labels() + " | " + x.deviation().trace()));
    }
    System.out.println(hc + " runs " + r.runs().size() + " ran " + r.ran() + " mismatches " + r.mismatches() + " s " + (System.nanoTime() - t) / 1e9);
    }
  }
}
