package dev.hslab.model.dtls.handshake;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.dtls.handshake.FlightMachine.Next;
import dev.hslab.model.dtls.handshake.FlightMachine.Policy;
import dev.hslab.model.dtls.handshake.FlightMachine.Sent;
import dev.hslab.model.dtls.handshake.FlightMachine.State;
import dev.hslab.model.dtls.handshake.FlightMachine.Timer;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** RFC 6347 §4.2.4 Figure 3 and the timer values of §4.2.4.1. */
class FlightMachineTest {

  @Test
  void theTimerStartsAtOneSecondAndDoublesUpToSixtySeconds() {
    Policy policy = new Policy(1_000, 60_000, 10);
    Next<String> n = FlightMachine.<String>client(policy).send("flight 1", Sent.AWAIT_ANSWER);
    assertThat(n.timer()).isEqualTo(new Timer.Arm(1_000));
    assertThat(n.machine().state()).isEqualTo(State.WAITING);
    List<Long> armed = new ArrayList<>();
    for (int i = 0; i < 8; i++) {
      n = n.machine().timerExpired();
      assertThat(n.retransmit()).contains("flight 1");
      armed.add(((Timer.Arm) n.timer()).afterMillis());
    }
    // §4.2.4.1: "double the value at each retransmission, up to no less than ... 60 seconds".
    assertThat(armed).containsExactly(2_000L, 4_000L, 8_000L, 16_000L, 32_000L, 60_000L, 60_000L, 60_000L);
  }

  @Test
  void pastTheBoundItGivesUp() {
    Next<String> n = FlightMachine.<String>client(Policy.RFC6347).send("f", Sent.AWAIT_ANSWER);
    for (int i = 0; i < Policy.RFC6347.maxRetransmissions(); i++) {
      n = n.machine().timerExpired();
      assertThat(n.gaveUp()).isFalse();
    }
    n = n.machine().timerExpired();
    assertThat(n.gaveUp()).isTrue();
    assertThat(n.retransmit()).isEmpty();
    assertThat(n.timer()).isEqualTo(new Timer.Cancel());
  }

  @Test
  void anAnswerStopsTheTimerAndResetsItOnlyAfterALosslessExchange() {
    Next<String> n = FlightMachine.<String>client(Policy.RFC6347).send("f1", Sent.AWAIT_ANSWER);
    n = n.machine().timerExpired(); // one loss: timer 2 s
    n = n.machine().receivedFlight(false);
    assertThat(n.timer()).isEqualTo(new Timer.Cancel());
    assertThat(n.machine().state()).isEqualTo(State.PREPARING);
    // §4.2.4.1: "retain the current timer value until a transmission without loss occurs".
    n = n.machine().send("f3", Sent.AWAIT_ANSWER);
    assertThat(n.timer()).isEqualTo(new Timer.Arm(2_000));
    n = n.machine().receivedFlight(false);
    n = n.machine().send("f5", Sent.AWAIT_ANSWER);
    assertThat(n.timer()).isEqualTo(new Timer.Arm(1_000));
    n = n.machine().receivedFlight(true);
    assertThat(n.machine().state()).isEqualTo(State.FINISHED);
    assertThat(n.machine().timerExpired().retransmit()).isEmpty();
  }

  @Test
  void theLastFlightIsSentAgainWhenThePeerRepeatsItsPrevious() {
    Next<String> n = FlightMachine.<String>server(Policy.RFC6347).send("flight 6", Sent.LAST);
    assertThat(n.machine().state()).isEqualTo(State.FINISHED);
    assertThat(n.timer()).isEqualTo(new Timer.Cancel());
    assertThat(n.machine().timerExpired().retransmit()).isEmpty();
    Next<String> again = n.machine().peerRetransmitted();
    assertThat(again.retransmit()).contains("flight 6");
    assertThat(again.timer()).isEqualTo(new Timer.Keep());
    assertThat(again.machine().state()).isEqualTo(State.FINISHED);
  }

  @Test
  void whileWaitingARepeatedPreviousFlightIsAnsweredAndTheTimerRestarts() {
    Next<String> n = FlightMachine.<String>server(Policy.RFC6347).send("flight 4", Sent.AWAIT_ANSWER);
    n = n.machine().timerExpired();
    Next<String> again = n.machine().peerRetransmitted();
    assertThat(again.retransmit()).contains("flight 4");
    assertThat(again.timer()).isEqualTo(new Timer.Arm(2_000));
  }

  @Test
  void theStatelessHelloVerifyRequestHasNoTimer() {
    FlightMachine<String> fresh = FlightMachine.server(Policy.RFC6347);
    assertThat(fresh.state()).isEqualTo(State.WAITING);
    assertThat(fresh.peerRetransmitted().retransmit()).isEmpty();
    Next<String> n = fresh.send("hello_verify_request", Sent.STATELESS);
    assertThat(n.timer()).isEqualTo(new Timer.Cancel());
    assertThat(n.machine().timerExpired().retransmit()).isEmpty();
    assertThat(n.machine().peerRetransmitted().retransmit()).contains("hello_verify_request");
  }
}
