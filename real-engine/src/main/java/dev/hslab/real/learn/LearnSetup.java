package dev.hslab.real.learn;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.engine.EngineConfig;
import dev.hslab.model.engine.SessionCache;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Side;
import java.util.List;
import java.util.Optional;

/**
 * What one learning run learns: the role of the engine under learning, the configuration both
 * sides are built from (as for {@code hslab run}), and the input alphabet: the message kinds the
 * scripted peer may send, each one abstract input.
 *
 * @param role the side the engine under learning plays; the scripted peer plays the other
 * @param inputs the alphabet, in order (the learned machine's inputs)
 */
public record LearnSetup(Side role, HandshakeConfig config, List<MessageKind> inputs) {

  public LearnSetup {
    inputs = List.copyOf(inputs);
    if (inputs.isEmpty()) {
      throw new IllegalArgumentException("an empty alphabet");
    }
  }

  /**
   * Everything the peer of {@code role} sends in a TLS 1.2 full handshake and after it, from the
   * tables' message kinds: the peer's handshake messages, ChangeCipherSpec, application data, the
   * HelloRequest and ClientHello that start a renegotiation, close_notify.
   */
  public static List<MessageKind> fullAlphabet(Side role) {
    return role == Side.SERVER
        ? List.of(MessageKind.CLIENT_HELLO, MessageKind.CERTIFICATE, MessageKind.CLIENT_KEY_EXCHANGE,
            MessageKind.CERTIFICATE_VERIFY, MessageKind.CHANGE_CIPHER_SPEC, MessageKind.FINISHED,
            MessageKind.APPLICATION_DATA, MessageKind.CLOSE_NOTIFY_ALERT)
        : List.of(MessageKind.SERVER_HELLO, MessageKind.CERTIFICATE, MessageKind.SERVER_KEY_EXCHANGE,
            MessageKind.CERTIFICATE_REQUEST, MessageKind.SERVER_HELLO_DONE, MessageKind.CHANGE_CIPHER_SPEC,
            MessageKind.FINISHED, MessageKind.APPLICATION_DATA, MessageKind.HELLO_REQUEST, MessageKind.CLOSE_NOTIFY_ALERT);
  }

  /** The messages of the peer's happy path only: the small alphabet of the quick tests. */
  public static List<MessageKind> smallAlphabet(Side role) {
    return role == Side.SERVER
        ? List.of(MessageKind.CLIENT_HELLO, MessageKind.CLIENT_KEY_EXCHANGE, MessageKind.CHANGE_CIPHER_SPEC,
            MessageKind.FINISHED, MessageKind.APPLICATION_DATA)
        : List.of(MessageKind.SERVER_HELLO, MessageKind.CERTIFICATE, MessageKind.SERVER_KEY_EXCHANGE,
            MessageKind.SERVER_HELLO_DONE, MessageKind.CHANGE_CIPHER_SPEC, MessageKind.FINISHED);
  }

  /** The engine configuration of {@code side} for one query: fresh random sources, same seed. */
  EngineConfig engineConfig(Side side, Credentials creds) {
    return side == Side.CLIENT
        ? EngineConfigs.client(config, creds, 1, Optional.empty())
        : EngineConfigs.server(config, creds, 1, new SessionCache(16));
  }
}
