package dev.hslab.model.message.extension;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * The extension block of the hellos (RFC 5246 §7.4.1.2–7.4.1.4): {@code Extension
 * extensions<0..2^16-1>}, which may also be absent altogether. Absent and empty both occur on the
 * wire and hash differently into the transcript, so they are kept apart: {@code Optional.empty()}
 * is absent, {@code Optional.of(List.of())} is a present, empty block.
 */
public final class Extensions {

  private Extensions() {}

  /**
   * Reads the optional block at the end of a hello. RFC 5246 §7.4.1.2: "the presence of extensions
   * can be detected by determining whether there are bytes following the compression_methods".
   */
  public static Optional<List<Extension>> readOptional(WireReader body) throws TlsAlertException {
    return body.hasRemaining() ? Optional.of(read(body)) : Optional.empty();
  }

  public static List<Extension> read(WireReader r) throws TlsAlertException {
    WireReader block = r.vector16("extensions", 0, 0xffff);
    List<Extension> out = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    while (block.hasRemaining()) {
      Extension e = readOne(block);
      if (!seen.add(e.typeCode())) {
        // RFC 5246 §7.4.1.4: "There MUST NOT be more than one extension of the same type."
        // The RFC names no alert; illegal_parameter (§7.2.2: a field "inconsistent with other
        // fields") is what OpenSSL 3.0 s_server sends, checked on this machine.
        throw r.error(AlertDescription.ILLEGAL_PARAMETER,
            "duplicate extension " + ExtensionType.nameOf(e.typeCode()));
      }
      out.add(e);
    }
    return List.copyOf(out);
  }

  /** Reads one {@code extension_type, extension_data<0..2^16-1>} and decodes its data by type. */
  public static Extension readOne(WireReader r) throws TlsAlertException {
    int from = r.position();
    int type = r.uint16("extension_type");
    WireReader data = r.vector16("extension_data", 0, 0xffff);
    r.group("extension", from);
    Optional<ExtensionType> known = ExtensionType.fromCode(type);
    if (known.isEmpty()) {
      return new UnknownExtension(type, data.rest());
    }
    return switch (known.get()) {
      case SERVER_NAME -> ServerNameExtension.decode(data);
      case SUPPORTED_GROUPS -> SupportedGroupsExtension.decode(data);
      case EC_POINT_FORMATS -> EcPointFormatsExtension.decode(data);
      case SIGNATURE_ALGORITHMS -> SignatureAlgorithmsExtension.decode(data);
      case EXTENDED_MASTER_SECRET -> ExtendedMasterSecretExtension.decode(data);
      case SESSION_TICKET -> SessionTicketExtension.decode(data);
      case RENEGOTIATION_INFO -> RenegotiationInfoExtension.decode(data);
    };
  }

  public static void writeOptional(WireWriter w, Optional<List<Extension>> extensions) {
    extensions.ifPresent(list -> write(w, list));
  }

  public static void write(WireWriter w, List<Extension> extensions) {
    int mark = w.begin(2);
    for (Extension e : extensions) {
      writeOne(w, e);
    }
    w.end(mark);
  }

  public static void writeOne(WireWriter w, Extension e) {
    w.uint16(e.typeCode());
    int mark = w.begin(2);
    e.encodeData(w);
    w.end(mark);
  }

  /** The first extension of class {@code type}, e.g. {@code find(list, ServerNameExtension.class)}. */
  public static <T extends Extension> Optional<T> find(List<Extension> extensions, Class<T> type) {
    // Loops, not streams: a handshake looks up a dozen extensions, and a stream pipeline costs
    // several times the search.
    for (Extension e : extensions) {
      if (type.isInstance(e)) {
        return Optional.of(type.cast(e));
      }
    }
    return Optional.empty();
  }

  public static Optional<Extension> find(List<Extension> extensions, int typeCode) {
    for (Extension e : extensions) {
      if (e.typeCode() == typeCode) {
        return Optional.of(e);
      }
    }
    return Optional.empty();
  }

  /** {@code absent}, {@code []} or {@code [server_name(a),...]}, for the hellos' describe(). */
  public static String describe(Optional<List<Extension>> extensions) {
    return extensions.map(l -> l.stream().map(Extension::describe).collect(Collectors.joining(", ", "[", "]")))
        .orElse("absent");
  }
}
