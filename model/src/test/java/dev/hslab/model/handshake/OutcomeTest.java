package dev.hslab.model.handshake;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import dev.hslab.model.wire.AlertDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every kind of ending has one stable code and one sentence; the codes are the ones the README prints. */
class OutcomeTest {

  @Test
  void establishedAndClosed() {
    assertThat(Outcome.ESTABLISHED.code()).isEqualTo("established");
    assertThat(Outcome.ESTABLISHED.describe()).isEqualTo("established");
    assertThat(Outcome.ESTABLISHED.established()).isTrue();
    assertThat(Outcome.CLOSED.code()).isEqualTo("closed");
    assertThat(Outcome.CLOSED.describe()).isEqualTo("close_notify sent and received");
    assertThat(Outcome.CLOSED.established()).isFalse();
  }

  @Test
  void alertSentNamesSideAlertAndReason() {
    Outcome o = Outcome.alert(Side.CLIENT, AlertDescription.BAD_RECORD_MAC, "record: decryption failed or bad record MAC");
    assertThat(o.code()).isEqualTo("alert:client:bad_record_mac");
    assertThat(o.describe()).isEqualTo("client sent bad_record_mac (record: decryption failed or bad record MAC)");
    assertThat(Outcome.alert(Side.SERVER, AlertDescription.UNEXPECTED_MESSAGE).describe())
        .isEqualTo("server sent unexpected_message");
  }

  @Test
  void alertReceivedThatNobodySent() {
    Outcome o = Outcome.alertReceived(Side.CLIENT, AlertDescription.HANDSHAKE_FAILURE);
    assertThat(o.code()).isEqualTo("alert_received:client:handshake_failure");
    assertThat(o.describe()).isEqualTo("client received fatal handshake_failure");
  }

  @Test
  void timeoutNamesSideStateAndWhatItWaitedFor() {
    Outcome o = Outcome.timeout(Side.CLIENT, "WAIT_CLOSE_NOTIFY", "close_notify");
    assertThat(o.code()).isEqualTo("timeout:client:WAIT_CLOSE_NOTIFY:close_notify");
    assertThat(o.describe()).isEqualTo("client timed out in WAIT_CLOSE_NOTIFY waiting for close_notify");
    assertThat(Outcome.timeout().code()).isEqualTo("timeout");
    assertThat(Outcome.timeout().describe()).isEqualTo("timed out");
  }

  @Test
  void abortedCrashedIncomplete() {
    assertThat(Outcome.ABORTED.code()).isEqualTo("aborted");
    assertThat(Outcome.ABORTED.describe()).isEqualTo("aborted without alert");
    assertThat(Outcome.crashed(Side.SERVER, "planted failure").code()).isEqualTo("crashed:server");
    assertThat(Outcome.crashed(Side.SERVER, "planted failure").describe()).isEqualTo("server crashed: planted failure");
    assertThat(Outcome.crashed(null, "looped").code()).isEqualTo("crashed:network");
    assertThat(Outcome.crashed(null, "looped").describe()).isEqualTo("the network crashed: looped");
    assertThat(Outcome.incomplete(Side.SERVER).code()).isEqualTo("incomplete");
    assertThat(Outcome.incomplete(Side.SERVER).describe()).isEqualTo("not established (server did not finish the handshake)");
    assertThat(Outcome.incomplete(null).describe()).isEqualTo("not established (neither side did not finish the handshake)");
  }

  @Test
  void theTcpBridgesEndings() {
    Outcome closed = Outcome.peerClosed(Side.CLIENT, "WAIT_SERVER_HELLO", "server_hello");
    assertThat(closed.code()).isEqualTo("peer_closed:WAIT_SERVER_HELLO");
    assertThat(closed.describe()).isEqualTo("the peer closed the connection in state WAIT_SERVER_HELLO, waiting for server_hello");
    assertThat(Outcome.peerClosed(Side.SERVER, "ESTABLISHED", "").describe())
        .isEqualTo("the peer closed the connection in state ESTABLISHED");
    Outcome refused = Outcome.connectFailed(Side.CLIENT, "127.0.0.1:1: Connection refused");
    assertThat(refused.code()).isEqualTo("connect_failed");
    assertThat(refused.describe()).isEqualTo("cannot connect: 127.0.0.1:1: Connection refused");
    Outcome reset = Outcome.ioError(Side.SERVER, "WAIT_CLIENT_KEY_EXCHANGE", "socket error in state WAIT_CLIENT_KEY_EXCHANGE: reset");
    assertThat(reset.code()).isEqualTo("io_error:WAIT_CLIENT_KEY_EXCHANGE");
    assertThat(reset.describe()).isEqualTo("socket error in state WAIT_CLIENT_KEY_EXCHANGE: reset");
  }

  @Test
  void theExplorersWordingIsKeptForDeviate() {
    assertThat(Outcome.CLOSED.explorerLabel()).isEqualTo("completed");
    assertThat(Outcome.timeout().explorerLabel()).isEqualTo("timeout");
    assertThat(Outcome.ABORTED.explorerLabel()).isEqualTo("aborted without alert");
    assertThat(Outcome.alert(Side.CLIENT, AlertDescription.UNEXPECTED_MESSAGE).explorerLabel())
        .isEqualTo("alert client unexpected_message");
    assertThat(Outcome.ESTABLISHED.explorerLabel()).isEqualTo("established");
  }

  @Test
  void failuresListTheEndingThenWhatFollowed() {
    Outcome server = Outcome.timeout(Side.SERVER, "WAIT_CLIENT_KEY_EXCHANGE", "client_key_exchange");
    Outcome client = Outcome.timeout(Side.CLIENT, "WAIT_CERTIFICATE_REQUEST", "server_hello_done");
    Outcome both = server.withFurther(List.of(client));
    assertThat(both.code()).isEqualTo(server.code());
    assertThat(both.failures()).containsExactly(server, client);
    assertThat(Outcome.ESTABLISHED.failures()).isEmpty();
    assertThat(Outcome.incomplete(null).failures()).isEmpty();
  }

  @Test
  void anAlertOutcomeNamesItsSideAndAlert() {
    assertThatThrownBy(() -> new Outcome(Outcome.Kind.ALERT, Side.CLIENT, null, null, null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Outcome(Outcome.Kind.TIMEOUT, Side.CLIENT, null, null, null, null, List.of()))
        .isInstanceOf(IllegalArgumentException.class);
    assertThatThrownBy(() -> new Outcome(Outcome.Kind.CLOSED, null, AlertDescription.BAD_RECORD_MAC, null, null, null,
        List.of())).isInstanceOf(IllegalArgumentException.class);
  }
}
