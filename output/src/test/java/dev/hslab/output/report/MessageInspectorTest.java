package dev.hslab.output.report;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.loopback.LoopbackRun;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.Bytes;
import java.nio.ByteBuffer;
import java.util.HashMap;
import java.util.Map;
import javax.crypto.Cipher;
import javax.crypto.spec.GCMParameterSpec;
import javax.crypto.spec.SecretKeySpec;
import org.junit.jupiter.api.Test;

/**
 * The data behind report.html's inspector, for the reference run: every handshake message fully
 * covered by the fields its decoder read; the keys shown are the ones that protect the records on
 * the wire (checked by decrypting the client's Finished record with the JDK's own AES-GCM, RFC
 * 5288 §3); the epochs switch at ChangeCipherSpec (RFC 5246 §7.1).
 */
class MessageInspectorTest {

  private static final Trace TRACE = LoopbackRun.run(HandshakeConfig.reference()).get(0).trace();

  private static JsonNode data() throws Exception {
    JsonNode d = new ObjectMapper().readTree(MessageInspector.json(TRACE));
    assertThat(d.get("messages")).hasSize(TRACE.sent().size());
    return d;
  }

  private static JsonNode message(JsonNode d, String from, String type) {
    for (JsonNode m : d.get("messages")) {
      if (m.get("from").asText().equals(from) && m.get("type").asText().equals(type)) {
        return m;
      }
    }
    throw new AssertionError("no " + from + " " + type);
  }

  @Test
  void everyHandshakeMessageIsCoveredByTheFieldsItsDecoderRead() throws Exception {
    for (JsonNode m : data().get("messages")) {
      assertThat(m.has("error")).as(m.toString()).isFalse();
      assertThat(m.get("hex").asText()).isEqualTo(TRACE.sent().get(m.get("n").asInt() - 1).message().encoding().hex()
          .toLowerCase(java.util.Locale.ROOT));
      if (m.get("type").asText().equals("application_data")) {
        continue;
      }
      int at = 0;
      for (JsonNode f : m.get("fields")) {
        assertThat(f.get("offset").asInt()).as(m.get("label") + " " + f.get("name")).isEqualTo(at);
        at += f.get("length").asInt();
      }
      assertThat(at).as(m.get("label").asText()).isEqualTo(m.get("hex").asText().length() / 2);
    }
  }

  @Test
  void theClientWriteKeyShownDecryptsTheClientsFinishedRecordOnTheWire() throws Exception {
    JsonNode d = data();
    assertThat(TRACE.outcome().established()).isTrue();
    JsonNode hs = d.get("handshakes").get(0);
    assertThat(hs.get("cipher_suite").asText()).isEqualTo(CipherSuite.TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256.ianaName());
    Map<String, byte[]> secrets = new HashMap<>();
    hs.get("secrets").forEach(s -> secrets.put(s.get("name").asText(), Bytes.fromHex(s.get("hex").asText()).toByteArray()));
    JsonNode finished = message(d, "client", "finished");
    assertThat(finished.get("encrypted").asBoolean()).isTrue();
    byte[] record = Bytes.fromHex(finished.get("record").get("network").get(0).get("hex").asText()).toByteArray();
    // RFC 5246 §6.2.3.3 and RFC 5288 §3: nonce = client_write_IV (4) + explicit nonce (8);
    // additional data = seq_num (0: the first record under the new keys) + type + version + length.
    byte[] nonce = ByteBuffer.allocate(12).put(secrets.get("client_write_IV")).put(record, 5, 8).array();
    int plaintextLength = record.length - 5 - 8 - 16;
    byte[] aad = ByteBuffer.allocate(13).putLong(0).put(record, 0, 3).putShort((short) plaintextLength).array();
    Cipher gcm = Cipher.getInstance("AES/GCM/NoPadding");
    gcm.init(Cipher.DECRYPT_MODE, new SecretKeySpec(secrets.get("client_write_key"), "AES"), new GCMParameterSpec(128, nonce));
    gcm.updateAAD(aad);
    byte[] plain = gcm.doFinal(record, 13, record.length - 13);
    assertThat(Bytes.of(plain).hex().toLowerCase(java.util.Locale.ROOT)).isEqualTo(finished.get("hex").asText());
    // The header fields of that record, as the record layer reads them (RFC 5246 §6.2.1).
    assertThat(finished.get("record").get("network").get(0).get("fields")).extracting(f -> f.get("name").asText())
        .containsExactly("type", "version", "length");
  }

  @Test
  void keysArePendingUntilChangeCipherSpecAndActiveAfter() throws Exception {
    JsonNode d = data();
    JsonNode hello = message(d, "client", "client_hello").get("sides");
    assertThat(hello.get("client").get("write").asText()).isEqualTo("none");
    assertThat(hello.get("client").get("pending").asText()).isEqualTo("none");
    JsonNode ccs = message(d, "client", "change_cipher_spec").get("sides");
    assertThat(ccs.get("client").get("write").asText()).isEqualTo("none");
    assertThat(ccs.get("client").get("pending").asText()).isEqualTo("pending");
    JsonNode fin = message(d, "client", "finished").get("sides");
    assertThat(fin.get("client").get("write").asText()).isEqualTo("active");
    // The server sends its ChangeCipherSpec after the client's flight: it reads with the new keys
    // already and still writes with none; after it, both directions use them and none is pending.
    JsonNode serverCcs = message(d, "server", "change_cipher_spec").get("sides").get("server");
    assertThat(serverCcs.get("read").asText()).isEqualTo("active");
    assertThat(serverCcs.get("write").asText()).isEqualTo("none");
    assertThat(serverCcs.get("pending").asText()).isEqualTo("pending");
    JsonNode serverFin = message(d, "server", "finished").get("sides").get("server");
    assertThat(serverFin.get("write").asText()).isEqualTo("active");
    assertThat(serverFin.get("pending").asText()).isEqualTo("none");
    assertThat(serverFin.get("state").asText()).isNotEmpty();
  }
}
