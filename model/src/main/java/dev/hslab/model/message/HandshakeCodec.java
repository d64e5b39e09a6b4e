package dev.hslab.model.message;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireField;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.List;

/**
 * Decodes handshake messages: the four-byte header (RFC 5246 §7.4) and the body by type. The
 * one place that maps a {@link HandshakeType} to its decoder.
 */
public final class HandshakeCodec {

  /** RFC 5246 §7.4: the header is msg_type(1) and a uint24 length. */
  public static final int HEADER_LENGTH = 4;

  private HandshakeCodec() {}

  /**
   * A message with its header, {@code msg_type(1) length(3) body} (RFC 5246 §7.4): what
   * {@link HandshakeMessage#encode} writes, and what the network's inject fault writes for a
   * body no message value describes.
   */
  public static Bytes frame(HandshakeType type, Bytes body) {
    return new WireWriter(HEADER_LENGTH + body.length()).uint8(type.code()).opaque24(body).toBytes();
  }

  /** Decodes one complete message with its header; trailing bytes are a decode_error. */
  public static HandshakeMessage decode(Bytes message, DecodeContext ctx) throws TlsAlertException {
    WireReader r = WireReader.of(message, "handshake");
    HandshakeType type = HandshakeType.fromCode(r.uint8("msg_type"));
    int length = r.uint24("length");
    if (length != r.remaining()) {
      throw r.error(AlertDescription.DECODE_ERROR,
          type.rfcName() + " length " + length + " but " + r.remaining() + " bytes follow");
    }
    return decodeBody(type, r.rest(), ctx);
  }

  /**
   * A message decoded by {@link #decode}, with the map of the fields its decoder read: each
   * field's RFC name, offset and length in {@code message} (header included).
   */
  public record Dissected(HandshakeMessage message, List<WireField> fields) {

    public Dissected {
      fields = List.copyOf(fields);
    }
  }

  /**
   * {@link #decode}, recording where each field lies: the field map comes from the decoders
   * themselves, so what a report highlights is what the model read.
   */
  public static Dissected dissect(Bytes message, DecodeContext ctx) throws TlsAlertException {
    WireField.Recorder fields = new WireField.Recorder();
    WireReader r = WireReader.recording(message, "handshake", fields, 0);
    HandshakeType type = HandshakeType.fromCode(r.uint8("msg_type"));
    int length = r.uint24("length");
    if (length != r.remaining()) {
      throw r.error(AlertDescription.DECODE_ERROR,
          type.rfcName() + " length " + length + " but " + r.remaining() + " bytes follow");
    }
    Bytes body = r.rest();
    WireReader b = WireReader.recording(body, name(type), fields, HEADER_LENGTH);
    HandshakeMessage m = decodeBody(type, b, ctx);
    // The body is one field named as the RFC's struct (e.g. ServerHello), holding the fields read.
    b.group(name(type), 0);
    return new Dissected(m, fields.fields());
  }

  /** Decodes the body of a message of the given type. */
  public static HandshakeMessage decodeBody(HandshakeType type, Bytes body, DecodeContext ctx)
      throws TlsAlertException {
    return decodeBody(type, WireReader.of(body, name(type)), ctx);
  }

  private static HandshakeMessage decodeBody(HandshakeType type, WireReader r, DecodeContext ctx)
      throws TlsAlertException {
    return switch (type) {
      case HELLO_REQUEST -> HelloRequest.decode(r, ctx);
      case CLIENT_HELLO -> ClientHello.decode(r, ctx);
      case SERVER_HELLO -> ServerHello.decode(r, ctx);
      case NEW_SESSION_TICKET -> NewSessionTicket.decode(r, ctx);
      case CERTIFICATE -> CertificateMessage.decode(r, ctx);
      case SERVER_KEY_EXCHANGE -> ServerKeyExchange.decode(r, ctx);
      case CERTIFICATE_REQUEST -> CertificateRequest.decode(r, ctx);
      case SERVER_HELLO_DONE -> ServerHelloDone.decode(r, ctx);
      case CERTIFICATE_VERIFY -> CertificateVerify.decode(r, ctx);
      case CLIENT_KEY_EXCHANGE -> ClientKeyExchange.decode(r, ctx);
      case FINISHED -> Finished.decode(r, ctx);
      // fromCode never yields it: DTLS decodes its HelloVerifyRequest with dtls.handshake's codec.
      case HELLO_VERIFY_REQUEST -> throw new TlsAlertException(AlertDescription.UNEXPECTED_MESSAGE,
          "handshake: hello_verify_request is DTLS only");
    };
  }

  /** The RFC's message name in CamelCase, used as the error context ("ServerHello: ..."). */
  static String name(HandshakeType type) {
    StringBuilder b = new StringBuilder();
    for (String part : type.rfcName().split("_")) {
      b.append(Character.toUpperCase(part.charAt(0))).append(part.substring(1));
    }
    return b.toString();
  }
}
