package dev.hslab.model.engine;

import static org.assertj.core.api.Assertions.assertThat;

import dev.hslab.model.config.Credentials;
import dev.hslab.model.config.EngineConfigs;
import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.ClientAuth;
import dev.hslab.model.handshake.ClientCertificate;
import dev.hslab.model.handshake.ClientTable;
import dev.hslab.model.handshake.HandshakeState;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Resumption;
import dev.hslab.model.handshake.ServerTable;
import dev.hslab.model.handshake.Side;
import dev.hslab.model.handshake.TransitionTable;
import dev.hslab.model.handshake.Trigger;
import dev.hslab.model.record.Alert;
import dev.hslab.model.record.ContentType;
import dev.hslab.model.suite.KeyExchange;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.AlertLevel;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.Arguments;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * For every state of each table and every message kind the table does not accept there, the
 * engine answers with a fatal unexpected_message alert and ends in its terminal failed state
 * (RFC 5246 §7.2.2); in terminal states it accepts nothing at all. The cases are enumerated from
 * the tables themselves.
 */
class UnexpectedMessageTest {

  /** Reaches every state of both tables: client auth required, tickets, TLS 1.2 ECDHE_RSA. */
  private static final HandshakeConfig CONFIG = HandshakeConfig.of(ProtocolVersion.TLS12, KeyExchange.ECDHE_RSA)
      .withClientAuth(ClientAuth.REQUIRE, ClientCertificate.RSA).withResumption(Resumption.TICKET);

  static Stream<Arguments> cases() {
    List<Arguments> out = new ArrayList<>();
    add(out, Side.CLIENT, ClientTable.TABLE);
    add(out, Side.SERVER, ServerTable.TABLE);
    return out.stream();
  }

  private static <S extends Enum<S> & HandshakeState> void add(List<Arguments> out, Side side, TransitionTable<S> table) {
    for (S state : table.states()) {
      for (MessageKind kind : MessageKind.values()) {
        if (state.terminal() || !table.accepts(state, Trigger.receive(kind))) {
          out.add(Arguments.of(side, state.name(), kind));
        }
      }
    }
  }

  @ParameterizedTest(name = "{0} in {1} receives {2}")
  @MethodSource("cases")
  void refusesWithUnexpectedMessage(Side side, String state, MessageKind kind) {
    ModelEngine<?> target = driveTo(side, state);
    assertThat(target.state()).as("reached").isEqualTo(state);
    Step step = target.receivePlaintext(contentType(kind), payload(kind));
    if (state.equals("CLOSED") || state.equals("FAILED")) {
      assertThat(step.isEmpty()).as("a terminal engine accepts nothing").isTrue();
      return;
    }
    assertThat(step.events()).filteredOn(e -> e instanceof EngineEvent.AlertSent)
        .singleElement().extracting(e -> ((EngineEvent.AlertSent) e).alert())
        .isEqualTo(Alert.fatal(AlertDescription.UNEXPECTED_MESSAGE));
    assertThat(step.records()).hasSize(1);
    assertThat(step.records().get(0).getUnsigned(0)).as("an alert record").isEqualTo(ContentType.ALERT.code());
    assertThat(target.terminal()).isTrue();
    assertThat(target.state()).isEqualTo("FAILED");
    assertThat(target.receivePlaintext(ContentType.APPLICATION_DATA, Bytes.of((byte) 1)).isEmpty())
        .as("nothing is accepted after the fatal alert").isTrue();
  }

  private static ContentType contentType(MessageKind kind) {
    if (kind.isHandshake()) {
      return ContentType.HANDSHAKE;
    }
    return switch (kind) {
      case CHANGE_CIPHER_SPEC -> ContentType.CHANGE_CIPHER_SPEC;
      case APPLICATION_DATA -> ContentType.APPLICATION_DATA;
      default -> ContentType.ALERT;
    };
  }

  /** A well-framed message of the kind (its body does not matter: the table refuses it first). */
  private static Bytes payload(MessageKind kind) {
    if (kind.isHandshake()) {
      return Bytes.of((byte) kind.handshakeType().code(), (byte) 0, (byte) 0, (byte) 0);
    }
    return switch (kind) {
      case CHANGE_CIPHER_SPEC -> Bytes.of((byte) 1);
      case APPLICATION_DATA -> Bytes.fromHex("6461746121");
      case NO_CERTIFICATE_ALERT -> Alert.warning(AlertDescription.NO_CERTIFICATE).encode();
      case NO_RENEGOTIATION_ALERT -> Alert.warning(AlertDescription.NO_RENEGOTIATION).encode();
      default -> new Alert(AlertLevel.WARNING, AlertDescription.CLOSE_NOTIFY).encode();
    };
  }

  /** Runs a fresh connection record by record until the engine on {@code side} is in {@code state}. */
  static ModelEngine<?> driveTo(Side side, String state) {
    Credentials creds = Credentials.forSeed(3);
    SessionCache cache = new SessionCache(8);
    ModelEngine<?> client = ModelEngine.create(EngineConfigs.client(CONFIG, creds, 1, java.util.Optional.empty()));
    ModelEngine<?> server = ModelEngine.create(EngineConfigs.server(CONFIG, creds, 1, cache));
    ModelEngine<?> target = side == Side.CLIENT ? client : server;
    if (target.state().equals(state)) {
      return target;
    }
    Deque<Bytes> toServer = new ArrayDeque<>(client.start().records());
    Deque<Bytes> toClient = new ArrayDeque<>();
    if (state.equals("FAILED")) {
      target.timeout();
      return target;
    }
    while (!toServer.isEmpty() || !toClient.isEmpty()) {
      if (target.state().equals(state)) {
        return target;
      }
      if (!toServer.isEmpty()) {
        toClient.addAll(server.receive(toServer.poll()).records());
      } else {
        toServer.addAll(client.receive(toClient.poll()).records());
      }
    }
    if (target.state().equals(state)) {
      return target;
    }
    // Established and quiet: the remaining states come from closing.
    ModelEngine<?> other = target == client ? server : client;
    List<Bytes> closeNotify = target.close().records();
    if (state.equals("CLOSED")) {
      for (Bytes r : closeNotify) {
        for (Bytes answer : other.receive(r).records()) {
          target.receive(answer);
        }
      }
    }
    return target;
  }

}
