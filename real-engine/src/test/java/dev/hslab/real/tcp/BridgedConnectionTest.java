package dev.hslab.real.tcp;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * The bridge's words ({@code ending}, {@code reason}, {@code detail} of {@code hslab serve} and
 * {@code connect}) are read from the one outcome its trace records.
 */
class BridgedConnectionTest {

  private static BridgedConnection ended(Outcome o) {
    return new BridgedConnection(Optional.empty(), "FAILED", Bytes.EMPTY, new Trace(List.of(), o));
  }

  @Test
  void alertSentAndReceived() {
    BridgedConnection sent = ended(Outcome.alert(Side.SERVER, AlertDescription.DECODE_ERROR, "ClientHello: 3 trailing bytes"));
    assertThat(sent.ending()).isEqualTo("alert_sent");
    assertThat(sent.reason()).isEqualTo("alert_sent:decode_error");
    assertThat(sent.detail()).isEqualTo("sent decode_error: ClientHello: 3 trailing bytes");
    BridgedConnection received = ended(Outcome.alertReceived(Side.CLIENT, AlertDescription.HANDSHAKE_FAILURE));
    assertThat(received.ending()).isEqualTo("alert_received");
    assertThat(received.reason()).isEqualTo("alert_received:handshake_failure");
    assertThat(received.detail()).isEqualTo("the peer sent a fatal handshake_failure alert");
  }

  @Test
  void timeoutPeerClosedAndSocketErrorsNameTheState() {
    BridgedConnection timeout = ended(Outcome.timeout(Side.SERVER, "WAIT_CLIENT_HELLO", "client_hello",
        "no bytes from the peer for 500 ms"));
    assertThat(timeout.ending()).isEqualTo("timeout");
    assertThat(timeout.reason()).isEqualTo("timeout:WAIT_CLIENT_HELLO");
    assertThat(timeout.detail()).isEqualTo("no bytes from the peer for 500 ms in state WAIT_CLIENT_HELLO, waiting for client_hello");
    BridgedConnection closed = ended(Outcome.peerClosed(Side.SERVER, "WAIT_CLIENT_HELLO", "client_hello"));
    assertThat(closed.ending()).isEqualTo("peer_closed");
    assertThat(closed.reason()).isEqualTo("peer_closed:WAIT_CLIENT_HELLO");
    assertThat(closed.detail()).isEqualTo("the peer closed the connection in state WAIT_CLIENT_HELLO, waiting for client_hello");
    BridgedConnection reset = ended(Outcome.ioError(Side.SERVER, "WAIT_FINISHED", "socket error in state WAIT_FINISHED: reset"));
    assertThat(reset.ending()).isEqualTo("io_error");
    assertThat(reset.reason()).isEqualTo("io_error:WAIT_FINISHED");
    assertThat(reset.detail()).isEqualTo("socket error in state WAIT_FINISHED: reset");
  }

  @Test
  void closedConnectFailedAndInternalError() {
    BridgedConnection closed = ended(Outcome.CLOSED);
    assertThat(closed.ending()).isEqualTo("closed");
    assertThat(closed.reason()).isEqualTo("closed");
    assertThat(closed.detail()).isEqualTo("close_notify sent and received");
    assertThat(closed.succeeded()).as("no handshake completed").isFalse();
    BridgedConnection refused = ended(Outcome.connectFailed(Side.CLIENT, "127.0.0.1:1: Connection refused"));
    assertThat(refused.ending()).isEqualTo("connect_failed");
    assertThat(refused.reason()).isEqualTo("connect_failed");
    assertThat(refused.detail()).isEqualTo("127.0.0.1:1: Connection refused");
    BridgedConnection bug = ended(Outcome.crashed(Side.SERVER, "connection 1: java.lang.IllegalStateException: no engine"));
    assertThat(bug.ending()).isEqualTo("internal_error");
    assertThat(bug.reason()).isEqualTo("internal_error");
    assertThat(bug.detail()).isEqualTo("connection 1: java.lang.IllegalStateException: no engine");
  }
}
