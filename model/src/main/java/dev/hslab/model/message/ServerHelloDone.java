package dev.hslab.model.message;

import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/** ServerHelloDone (RFC 5246 §7.4.5): {@code struct { } ServerHelloDone;} — the end of the server's flight. */
public record ServerHelloDone() implements HandshakeMessage {

  public static final ServerHelloDone INSTANCE = new ServerHelloDone();

  public static ServerHelloDone decode(WireReader body, DecodeContext ctx) throws TlsAlertException {
    body.expectEnd("ServerHelloDone");
    return INSTANCE;
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.SERVER_HELLO_DONE;
  }

  @Override
  public void encodeBody(WireWriter w) {
    // RFC 5246 §7.4.5: empty body.
  }

  @Override
  public String describe() {
    return "ServerHelloDone";
  }
}
