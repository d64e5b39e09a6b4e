package dev.hslab.model.config;

import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.suite.KeyExchange;
import java.util.ArrayList;
import java.util.List;

/**
 * The message sequences the RFCs require, written from their text independently of the
 * transition tables: RFC 5246 §7.3 (full and abbreviated flows, with §7.4.2–7.4.9 for which
 * optional messages appear), RFC 6101 §5.4.2 (SSL 3.0 no_certificate), RFC 4279 §2 (PSK),
 * RFC 4492 §2 (ECC), RFC 5077 §3.1–3.2 (tickets), RFC 5246 §7.4.1.1 (HelloRequest), §7.2.1
 * (close_notify).
 */
final class RfcSequences {

  private RfcSequences() {}

  static List<String> fullHandshake(HandshakeConfig hc, boolean ticket) {
    KeyExchange kex = hc.keyExchange();
    boolean certKex = kex == KeyExchange.RSA || kex == KeyExchange.DHE_RSA || kex == KeyExchange.ECDHE_RSA
        || kex == KeyExchange.ECDHE_ECDSA;
    boolean ske = kex == KeyExchange.DHE_RSA || kex == KeyExchange.ECDHE_RSA || kex == KeyExchange.ECDHE_ECDSA
        || kex == KeyExchange.DH_ANON || kex == KeyExchange.ECDH_ANON || kex == KeyExchange.ECDHE_PSK
        || (kex == KeyExchange.PSK && hc.pskHint());
    boolean requested = certKex && hc.clientAuth() != ClientAuth.NONE;
    boolean hasCert = hc.clientCertificate() != ClientCertificate.NONE
        && !(hc.clientCertificate() == ClientCertificate.ECDSA && hc.clientMax().isSsl3());
    List<String> s = new ArrayList<>(List.of("client.client_hello", "server.server_hello"));
    if (certKex) {
      s.add("server.certificate");
    }
    if (ske) {
      s.add("server.server_key_exchange");
    }
    if (requested) {
      s.add("server.certificate_request");
    }
    s.add("server.server_hello_done");
    if (requested) {
      s.add(!hasCert && hc.clientMax().isSsl3() ? "client.no_certificate" : "client.certificate");
    }
    s.add("client.client_key_exchange");
    if (requested && hasCert) {
      s.add("client.certificate_verify");
    }
    s.addAll(List.of("client.change_cipher_spec", "client.finished"));
    if (ticket) {
      s.add("server.new_session_ticket");
    }
    s.addAll(List.of("server.change_cipher_spec", "server.finished"));
    return s;
  }

  static List<String> abbreviatedHandshake(boolean ticket) {
    List<String> s = new ArrayList<>(List.of("client.client_hello", "server.server_hello"));
    if (ticket) {
      s.add("server.new_session_ticket");
    }
    s.addAll(List.of("server.change_cipher_spec", "server.finished", "client.change_cipher_spec", "client.finished"));
    return s;
  }

  static List<String> dataBothWays() {
    return List.of("client.application_data", "server.application_data");
  }

  static List<String> closeFromClient() {
    return List.of("client.close_notify", "server.close_notify");
  }
}
