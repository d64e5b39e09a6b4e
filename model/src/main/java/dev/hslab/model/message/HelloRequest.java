package dev.hslab.model.message;

import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/** HelloRequest (RFC 5246 §7.4.1.1): {@code struct { } HelloRequest;} — the server asks for renegotiation. */
public record HelloRequest() implements HandshakeMessage {

  public static final HelloRequest INSTANCE = new HelloRequest();

  public static HelloRequest decode(WireReader body, DecodeContext ctx) throws TlsAlertException {
    body.expectEnd("HelloRequest");
    return INSTANCE;
  }

  @Override
  public HandshakeType type() {
    return HandshakeType.HELLO_REQUEST;
  }

  @Override
  public void encodeBody(WireWriter w) {
    // RFC 5246 §7.4.1.1: empty body.
  }

  @Override
  public String describe() {
    return "HelloRequest";
  }
}
