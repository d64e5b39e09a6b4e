package dev.hslab.model.explore;

import dev.hslab.model.handshake.LocalEvent;
import dev.hslab.model.handshake.Renegotiation;
import dev.hslab.model.handshake.Side;
import java.util.ArrayList;
import java.util.List;

/**
 * One thing an application asks its endpoint to do. The applications follow one script per
 * configuration, a step at a time, each when the network is quiet (both channels empty) and the
 * endpoint's table accepts it: the handshake, a record of data each way, the renegotiation if any,
 * then the close. Waiting for quiet keeps races the RFC leaves to the application (a HelloRequest
 * crossing a close_notify) out of the honest runs.
 */
record ScriptStep(Side side, LocalEvent event) {

  static List<ScriptStep> of(Configuration c) {
    List<ScriptStep> out = new ArrayList<>();
    out.add(new ScriptStep(Side.CLIENT, LocalEvent.START));
    out.add(new ScriptStep(Side.CLIENT, LocalEvent.SEND_DATA));
    out.add(new ScriptStep(Side.SERVER, LocalEvent.SEND_DATA));
    if (c.renegotiation() != Renegotiation.NONE) {
      out.add(new ScriptStep(c.renegotiation() == Renegotiation.CLIENT ? Side.CLIENT : Side.SERVER, LocalEvent.RENEGOTIATE));
    }
    out.add(new ScriptStep(c.closer(), LocalEvent.CLOSE));
    return List.copyOf(out);
  }

  @Override
  public String toString() {
    return side.label() + " " + event.name().toLowerCase(java.util.Locale.ROOT);
  }
}
