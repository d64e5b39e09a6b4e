package dev.hslab.model.dtls.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.crypto.Transcript;
import dev.hslab.model.message.ClientHello;
import dev.hslab.model.message.DecodeContext;
import dev.hslab.model.message.HandshakeType;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireWriter;
import java.util.List;
import java.util.Optional;
import javax.crypto.Mac;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/** HelloVerifyRequest, the ClientHello's cookie, the stateless cookie (RFC 6347 §4.2.1) and the transcript (§4.2.6). */
class HelloAndCookieTest {

  private static final Bytes SECRET = Bytes.fromHex("000102030405060708090a0b0c0d0e0f101112131415161718191a1b1c1d1e1f");
  private static final Bytes ADDRESS = Bytes.fromHex("0a000001" + "c350"); // 10.0.0.1:50000

  static ClientHello hello(int randomByte) {
    byte[] random = new byte[32];
    java.util.Arrays.fill(random, (byte) randomByte);
    return new ClientHello(ProtocolVersion.DTLS12, Bytes.wrap(random), Bytes.EMPTY,
        List.of(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.code()), List.of(0), Optional.empty());
  }

  @Test
  void helloVerifyRequestBytesAreVersionThenCookieVector() throws Exception {
    HelloVerifyRequest hvr = new HelloVerifyRequest(ProtocolVersion.DTLS10, Bytes.fromHex("a1b2c3"));
    assertThat(hvr.encodeBody().hex()).isEqualTo("feff" + "03" + "a1b2c3");
    assertThat(HelloVerifyRequest.decode(hvr.encodeBody())).isEqualTo(hvr);
    assertThatThrownBy(() -> HelloVerifyRequest.decode(Bytes.fromHex("feff03a1b2c300"))).isInstanceOf(TlsAlertException.class);
    assertThatThrownBy(() -> HelloVerifyRequest.decode(Bytes.fromHex("feff04a1b2c3"))).isInstanceOf(TlsAlertException.class);
    assertThat(HandshakeFragment.typeName(HelloVerifyRequest.TYPE)).isEqualTo("hello_verify_request");
  }

  @Test
  void dtlsClientHelloPutsTheCookieRightAfterSessionId() throws Exception {
    ClientHello h = hello(0x42);
    DtlsClientHello d = new DtlsClientHello(h, Bytes.fromHex("c0c1"));
    Bytes body = d.encodeBody();
    String expected = "fefd" + "42".repeat(32) + "00" + "02c0c1" + "0002c02f" + "0100";
    assertThat(body.hex()).isEqualTo(expected);
    assertThat(DtlsClientHello.decode(body, DecodeContext.of(ProtocolVersion.DTLS12))).isEqualTo(d);
    DtlsClientHello empty = d.withCookie(Bytes.EMPTY);
    assertThat(empty.encodeBody().hex()).isEqualTo("fefd" + "42".repeat(32) + "00" + "00" + "0002c02f" + "0100");
    assertThatThrownBy(() -> DtlsClientHello.decode(body.slice(0, 36), DecodeContext.of(ProtocolVersion.DTLS12)))
        .isInstanceOf(TlsAlertException.class);
  }

  @Test
  void statelessCookieIsHmacSha256OverAddressAndTheRepeatedFieldsAndVerifiesOnlyThose() throws Exception {
    StatelessCookie jar = new StatelessCookie(SECRET);
    ClientHello h = hello(0x42);
    Bytes cookie = jar.cookieFor(ADDRESS, h);
    // The same HMAC from the JDK over the layout written out here.
    WireWriter w = new WireWriter();
    w.opaque16(ADDRESS).bytes(Bytes.fromHex("fefd" + "42".repeat(32) + "00" + "0002c02f" + "0100"));
    Mac mac = Mac.getInstance("HmacSHA256");
    mac.init(new SecretKeySpec(SECRET.toByteArray(), "HmacSHA256"));
    assertThat(cookie).isEqualTo(Bytes.wrap(mac.doFinal(w.toBytes().toByteArray())));
    assertThat(cookie.length()).isEqualTo(StatelessCookie.LENGTH);

    assertThat(jar.verify(ADDRESS, new DtlsClientHello(h, cookie))).isTrue();
    assertThat(jar.verify(ADDRESS, new DtlsClientHello(h, Bytes.EMPTY))).isFalse();
    assertThat(jar.verify(Bytes.fromHex("0a000002c350"), new DtlsClientHello(h, cookie))).isFalse();
    assertThat(jar.verify(ADDRESS, new DtlsClientHello(hello(0x43), cookie))).isFalse();
    assertThat(new StatelessCookie(Bytes.wrap(new byte[32])).verify(ADDRESS, new DtlsClientHello(h, cookie))).isFalse();
    HelloVerifyRequest hvr = jar.request(ADDRESS, h, ProtocolVersion.DTLS10);
    assertThat(hvr.cookie()).isEqualTo(cookie);
  }

  @Test
  void transcriptDropsTheFirstClientHelloAndHelloVerifyRequestAndHashesSingleFragmentHeaders() {
    Bytes ch1 = new DtlsClientHello(hello(1), Bytes.EMPTY).encodeBody();
    Bytes cookie = new StatelessCookie(SECRET).cookieFor(ADDRESS, hello(1));
    Bytes hvr = new HelloVerifyRequest(ProtocolVersion.DTLS10, cookie).encodeBody();
    Bytes ch2 = new DtlsClientHello(hello(1), cookie).encodeBody();
    Bytes sh = Bytes.wrap(new byte[70]);
    int clientHello = HandshakeType.CLIENT_HELLO.code();
    List<HandshakeFragment> exchanged = List.of(
        HandshakeFragment.whole(clientHello, 0, ch1),
        HandshakeFragment.whole(HelloVerifyRequest.TYPE, 0, hvr),
        HandshakeFragment.whole(clientHello, 1, ch2),
        HandshakeFragment.whole(HandshakeType.SERVER_HELLO.code(), 1, sh));
    Transcript t = DtlsTranscript.of(exchanged);
    // RFC 6347 §4.2.6: message_seq, fragment_offset 0 and fragment_length = length are hashed.
    assertThat(t.messages()).containsExactly(
        Bytes.concat(Bytes.fromHex("01" + String.format("%06x", ch2.length()) + "0001" + "000000" + String.format("%06x", ch2.length())), ch2),
        Bytes.concat(Bytes.fromHex("02" + "000046" + "0001" + "000000" + "000046"), sh));
    // The same messages received in fragments give the same transcript.
    FragmentReassembler r = new FragmentReassembler(1, 1 << 17);
    for (HandshakeFragment f : Fragmenter.fragment(clientHello, 1, ch2, 17)) {
      r.offer(f);
    }
    Transcript viaFragments = DtlsTranscript.of(List.of(HandshakeFragment.whole(clientHello, 0, ch1),
        HandshakeFragment.whole(HelloVerifyRequest.TYPE, 0, hvr), r.take().get(0), exchanged.get(3)));
    assertThat(viaFragments).isEqualTo(t);
    assertThatThrownBy(() -> DtlsTranscript.append(Transcript.empty(), Fragmenter.fragment(clientHello, 1, ch2, 17).get(0)))
        .isInstanceOf(IllegalArgumentException.class);
  }
}
