package dev.hslab.actors;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.handshake.Outcome;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.trace.Trace;
import dev.hslab.model.wire.AlertDescription;
import java.util.List;
import org.junit.jupiter.api.Test;

/** A fault matrix cell tells the outcome its run's trace recorded: an empty trace still says how it ended. */
class FaultMatrixOutcomeTest {

  @Test
  void describesTheRecordedFailuresInOrder() {
    Outcome o = Outcome.alert(Side.CLIENT, AlertDescription.UNEXPECTED_MESSAGE, "ServerHelloDone in WAIT_SERVER_HELLO")
        .withFurther(List.of(Outcome.alertReceived(Side.SERVER, AlertDescription.UNEXPECTED_MESSAGE),
            Outcome.timeout(Side.SERVER, "WAIT_FINISHED", "finished")));
    assertThat(FaultMatrix.describe(new Trace(List.of(), o)))
        .isEqualTo("client sends unexpected_message, server times out in WAIT_FINISHED waiting for finished");
  }

  @Test
  void establishedOrIncompleteWhenNothingFailed() {
    assertThat(FaultMatrix.describe(new Trace(List.of(), Outcome.ESTABLISHED))).isEqualTo("established");
    assertThat(FaultMatrix.describe(new Trace(List.of(), Outcome.incomplete(Side.SERVER)))).isEqualTo("incomplete");
  }
}
