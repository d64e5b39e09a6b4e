package dev.hslab.real.tcp;

import dev.hslab.model.wire.Bytes;
import java.util.List;
import java.util.Optional;
import java.util.function.Function;

/**
 * What the application on the bridged side does once the handshake is done.
 *
 * @param requests data the client sends, in turn, each after the previous answer (client only)
 * @param answerBytes how many bytes of answer to wait for after each request (0: none); the wait
 *     also ends when the peer closes
 * @param responder the server's answer to each piece of application data it receives (empty
 *     result: no answer)
 * @param close send close_notify when done (a client) and wait for the peer's
 */
public record Conversation(List<Bytes> requests, int answerBytes, Function<Bytes, Optional<Bytes>> responder,
    boolean close) {

  public Conversation {
    requests = List.copyOf(requests);
  }

  /** The client sends {@code request}, reads at least {@code answerBytes} of answer, then closes. */
  public static Conversation request(Bytes request, int answerBytes) {
    return new Conversation(List.of(request), answerBytes, x -> Optional.empty(), true);
  }

  /** Only the handshake, then close_notify. */
  public static Conversation handshakeOnly() {
    return new Conversation(List.of(), 0, x -> Optional.empty(), true);
  }

  /** A server that echoes every piece of application data with {@code prefix} in front, until the client closes. */
  public static Conversation echo(Bytes prefix) {
    return new Conversation(List.of(), 0, d -> Optional.of(Bytes.concat(prefix, d)), false);
  }
}
