package dev.hslab.model.message;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.message.extension.EcPointFormatsExtension;
import dev.hslab.model.message.extension.ExtendedMasterSecretExtension;
import dev.hslab.model.message.extension.RenegotiationInfoExtension;
import dev.hslab.model.message.extension.ServerNameExtension;
import dev.hslab.model.message.extension.SessionTicketExtension;
import dev.hslab.model.message.extension.SignatureAlgorithmsExtension;
import dev.hslab.model.message.extension.SupportedGroupsExtension;
import dev.hslab.model.message.extension.UnknownExtension;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import java.io.ByteArrayInputStream;
import java.security.cert.CertificateFactory;
import java.security.cert.X509Certificate;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * Decoding of handshake messages captured from real peers, and their exact re-encoding. Source:
 * OpenSSL 3.0.19 on 127.0.0.1, an EC P-256 self-signed certificate for CN=localhost, and
 * {@code openssl s_server -accept 127.0.0.1:PORT -cert cert.pem -key key.pem -tls1_2 -msg}
 * against {@code openssl s_client -connect 127.0.0.1:PORT -servername localhost -tls1_2 -msg};
 * the hex is what {@code -msg} printed (header included). The renegotiating ClientHello is from a
 * second run where the client typed {@code R} after the handshake.
 */
class OpenSslCaptureTest {

  private static final DecodeContext TLS12 = DecodeContext.of(ProtocolVersion.TLS12);

  static final String CLIENT_HELLO = "010000c5"
      + "0303247f9b604ff1b4c200983e676d8f8cbb03144becc088b6995eecce40916e"
      + "3d84000038c02cc030009fcca9cca8ccaac02bc02f009ec024c028006bc023c0"
      + "270067c00ac0140039c009c0130033009d009c003d003c0035002f00ff010000"
      + "640000000e000c0000096c6f63616c686f7374000b000403000102000a000c00"
      + "0a001d0017001e00190018002300000016000000170000000d002a0028040305"
      + "030603080708080809080a080b08040805080604010501060103030301030204"
      + "0205020602";

  static final String SERVER_HELLO = "0200003d"
      + "0303a9f04c4fb10bb4d98cce7ca8759e4a7d10c57af1b763718f8ebf293a0f45"
      + "1cf700c02c000015ff01000100000b0004030001020023000000170000";

  static final String CERTIFICATE = "0b000188"
      + "0001850001823082017e30820123a00302010202143f1547bd8f57a6fafd7e29"
      + "0a6fed1d56b3aa219f300a06082a8648ce3d0403023014311230100603550403"
      + "0c096c6f63616c686f7374301e170d3236313132363138353635315a170d3236"
      + "313232363138353635315a30143112301006035504030c096c6f63616c686f73"
      + "743059301306072a8648ce3d020106082a8648ce3d030107034200040e616430"
      + "362f4512eb41bca58268820a213f81d82a9d19c08ff136749b2392450a3f25a7"
      + "0bec3b141a7bc4eae7d07134efda74ad2724fe6caa29fd07a9996473a3533051"
      + "301d0603551d0e04160414521269926dc8083252cdd651e7d89b75d4d8265330"
      + "1f0603551d23041830168014521269926dc8083252cdd651e7d89b75d4d82653"
      + "300f0603551d130101ff040530030101ff300a06082a8648ce3d040302034900"
      + "3046022100b606e73cb09eda327375e82321f665e63f61ed2f147884022d8779"
      + "8a9ce37979022100c4eddb80896bc1ffb15f8b36b27764c6be7193ec2e806135"
      + "32343bb09327a518";

  static final String SERVER_HELLO_DONE = "0e000000";

  static final String NEW_SESSION_TICKET = "040000b6"
      + "00001c2000b0be9680e7d5809bd4631ec1a1d32a034e839b63746e881aaf562a"
      + "544031d043d74383bcf38bd78198a58859acf23000c7e9a52400c7bbf75aa25a"
      + "2b06fd85fc7b85eb5ca36424669e818a14ac22c0e9d38f87fc607f4dc1e2b77f"
      + "fd05b73b9ba696fcbde5d2c5897a8ed0d6f95da6debb4e68a5c7d2444352087b"
      + "7140cc830b42c37687d8489698d3822db3f9a94571863faa0a62d1798fe627a2"
      + "cee482387c281afb14efb968e52d4d313e1488cfc263";

  /** The server's Finished of the first run (plaintext, as -msg prints it). */
  static final String SERVER_FINISHED = "1400000c1009a86ffd92749e733d8e5a";

  /** Second run: the client's Finished of the initial handshake, then its renegotiating hello. */
  static final String CLIENT_FINISHED_RUN2 = "1400000c886395bff55e9c9b8355b67d";

  static final String RENEGOTIATING_CLIENT_HELLO = "010000d4"
      + "0303a6f260287188a2199f77fb009396e7252ebeeb3ca2e9dee6fd7ebcf6a932"
      + "dfd8000036c02cc030009fcca9cca8ccaac02bc02f009ec024c028006bc023c0"
      + "270067c00ac0140039c009c0130033009d009c003d003c0035002f01000075ff"
      + "01000d0c886395bff55e9c9b8355b67d0000000e000c0000096c6f63616c686f"
      + "7374000b000403000102000a000c000a001d0017001e00190018002300000016"
      + "000000170000000d002a0028040305030603080708080809080a080b08040805"
      + "0806040105010601030303010302040205020602";

  /** Checks the RFC 5246 §7.4 header, decodes the body and asserts the exact re-encoding. */
  static <T extends HandshakeMessage> T decode(String hex, HandshakeType type,
      MessageRoundTripTest.BodyDecoder<T> decoder) throws TlsAlertException {
    Bytes full = Bytes.fromHex(hex);
    assertThat(full.getUnsigned(0)).isEqualTo(type.code());
    assertThat((full.getUnsigned(1) << 16) | (full.getUnsigned(2) << 8) | full.getUnsigned(3)).isEqualTo(full.length() - 4);
    T m = decoder.decode(WireReader.of(full.slice(4, full.length()), type.rfcName()), TLS12);
    assertThat(m.type()).isEqualTo(type);
    assertThat(m.encode()).isEqualTo(full);
    return m;
  }

  @Test
  void decodesClientHelloFromOpenSslCapture() throws TlsAlertException {
    ClientHello ch = decode(CLIENT_HELLO, HandshakeType.CLIENT_HELLO, ClientHello::decode);
    assertThat(ch.clientVersion()).isEqualTo(ProtocolVersion.TLS12);
    assertThat(ch.random()).isEqualTo(Bytes.fromHex("247f9b604ff1b4c200983e676d8f8cbb03144becc088b6995eecce40916e3d84"));
    assertThat(ch.sessionId()).isEqualTo(Bytes.EMPTY);
    assertThat(ch.cipherSuites()).hasSize(28).startsWith(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384.code())
        .endsWith(CipherSuite.TLS_RSA_WITH_AES_128_CBC_SHA.code(), CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV);
    assertThat(ch.compressionMethods()).containsExactly(0);
    assertThat(ch.offersSecureRenegotiation()).isTrue();
    assertThat(ch.extension(RenegotiationInfoExtension.class)).isEmpty();
    assertThat(ch.serverName()).contains("localhost");
    assertThat(ch.extension(EcPointFormatsExtension.class).orElseThrow().formats()).containsExactly(0, 1, 2);
    assertThat(ch.extension(SupportedGroupsExtension.class).orElseThrow().groups())
        .containsExactly(0x1d, 0x17, 0x1e, 0x19, 0x18);
    assertThat(ch.extension(SupportedGroupsExtension.class).orElseThrow().knownGroups())
        .containsExactly(NamedGroup.X25519, NamedGroup.SECP256R1, NamedGroup.SECP384R1);
    assertThat(ch.extension(SessionTicketExtension.class)).contains(SessionTicketExtension.EMPTY);
    // encrypt_then_mac (RFC 7366, type 22) is not modelled: it must survive as an unknown extension.
    assertThat(ch.extension(22)).contains(new UnknownExtension(22, Bytes.EMPTY));
    assertThat(ch.extension(ExtendedMasterSecretExtension.class)).isPresent();
    SignatureAlgorithmsExtension sa = ch.extension(SignatureAlgorithmsExtension.class).orElseThrow();
    assertThat(sa.schemes()).hasSize(20).startsWith(0x0403).endsWith(0x0602);
    assertThat(sa.knownSchemes()).contains(SignatureScheme.RSA_PSS_RSAE_SHA256, SignatureScheme.RSA_PKCS1_SHA256);
    assertThat(ch.extensionList()).extracting(e -> e.typeCode()).containsExactly(0, 11, 10, 35, 22, 23, 13);
  }

  @Test
  void decodesRenegotiatingClientHelloCarryingThePreviousClientFinished() throws TlsAlertException {
    ClientHello ch = decode(RENEGOTIATING_CLIENT_HELLO, HandshakeType.CLIENT_HELLO, ClientHello::decode);
    Finished previous = decode(CLIENT_FINISHED_RUN2, HandshakeType.FINISHED, Finished::decode);
    // RFC 5746 §3.5: a renegotiating client sends client_verify_data and no SCSV.
    assertThat(ch.offersSuite(CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV)).isFalse();
    assertThat(ch.cipherSuites()).hasSize(27);
    assertThat(ch.extension(RenegotiationInfoExtension.class).orElseThrow().renegotiatedConnection())
        .isEqualTo(previous.verifyData());
    assertThat(ch.offersSecureRenegotiation()).isTrue();
    assertThat(ch.extensionList().get(0)).isInstanceOf(RenegotiationInfoExtension.class);
  }

  @Test
  void decodesServerHelloFromOpenSslCapture() throws TlsAlertException {
    ServerHello sh = decode(SERVER_HELLO, HandshakeType.SERVER_HELLO, ServerHello::decode);
    assertThat(sh.serverVersion()).isEqualTo(ProtocolVersion.TLS12);
    assertThat(sh.sessionId()).isEqualTo(Bytes.EMPTY);
    assertThat(sh.knownSuite()).contains(CipherSuite.TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384);
    assertThat(sh.compressionMethod()).isZero();
    assertThat(sh.extensions().orElseThrow()).containsExactly(RenegotiationInfoExtension.INITIAL,
        new EcPointFormatsExtension(List.of(0, 1, 2)), SessionTicketExtension.EMPTY,
        ExtendedMasterSecretExtension.INSTANCE);
    assertThat(sh.describe()).isEqualTo("ServerHello TLSv1.2 session_id=empty suite=TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384"
        + " compression=0 extensions=[renegotiation_info(), ec_point_formats(0,1,2), session_ticket(0 bytes),"
        + " extended_master_secret]");
  }

  @Test
  void decodesCertificateFromOpenSslCaptureIntoParsableDer() throws Exception {
    CertificateMessage cert = decode(CERTIFICATE, HandshakeType.CERTIFICATE, CertificateMessage::decode);
    assertThat(cert.certificates()).hasSize(1);
    assertThat(cert.certificates().get(0).length()).isEqualTo(0x182);
    // Cross-check with the JDK's X.509 parser: the DER is intact and is the server's certificate.
    X509Certificate x509 = (X509Certificate) CertificateFactory.getInstance("X.509")
        .generateCertificate(new ByteArrayInputStream(cert.certificates().get(0).toByteArray()));
    assertThat(x509.getSubjectX500Principal().getName()).isEqualTo("CN=localhost");
    assertThat(cert.describe()).isEqualTo("Certificate der_lengths=[386]");
  }

  @Test
  void decodesNewSessionTicketServerHelloDoneAndFinishedFromOpenSslCapture() throws TlsAlertException {
    NewSessionTicket t = decode(NEW_SESSION_TICKET, HandshakeType.NEW_SESSION_TICKET, NewSessionTicket::decode);
    assertThat(t.ticketLifetimeHint()).isEqualTo(7200); // OpenSSL's default 2-hour hint
    assertThat(t.ticket().length()).isEqualTo(0xb0);
    assertThat(decode(SERVER_HELLO_DONE, HandshakeType.SERVER_HELLO_DONE, ServerHelloDone::decode))
        .isEqualTo(ServerHelloDone.INSTANCE);
    Finished f = decode(SERVER_FINISHED, HandshakeType.FINISHED, Finished::decode);
    assertThat(f.verifyData()).isEqualTo(Bytes.fromHex("1009a86ffd92749e733d8e5a"));
  }
}
