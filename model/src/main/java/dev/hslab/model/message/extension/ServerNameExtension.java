package dev.hslab.model.message.extension;

import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * server_name (RFC 6066 §3). In a ClientHello it carries a {@code ServerNameList
 * server_name_list<1..2^16-1>}; a server that used the name answers with empty extension_data,
 * which is an empty {@code names} list here.
 *
 * <p>Name types other than host_name(0) are kept, not rejected: RFC 6066 §3 requires every future
 * name type to "begin with a 16-bit length field", so they parse as an opaque16 and round-trip.
 */
public record ServerNameExtension(List<ServerName> names) implements Extension {

  public static final int HOST_NAME = 0;

  /** One {@code ServerName}: name_type and its opaque content (the ASCII host name for host_name). */
  public record ServerName(int nameType, Bytes name) {
    public ServerName {
      if (nameType < 0 || nameType > 255 || name.length() > 0xffff || (nameType == HOST_NAME && name.isEmpty())) {
        throw new IllegalArgumentException("bad ServerName " + nameType + " " + name);
      }
    }

    public static ServerName hostName(String host) {
      return new ServerName(HOST_NAME, Bytes.wrap(host.getBytes(StandardCharsets.US_ASCII)));
    }
  }

  public ServerNameExtension {
    names = List.copyOf(names);
  }

  public static ServerNameExtension ofHostName(String host) {
    return new ServerNameExtension(List.of(ServerName.hostName(host)));
  }

  /** The server's acknowledgement: empty extension_data (RFC 6066 §3). */
  public static ServerNameExtension acknowledgement() {
    return new ServerNameExtension(List.of());
  }

  public static ServerNameExtension decode(WireReader data) throws TlsAlertException {
    if (!data.hasRemaining()) {
      return acknowledgement();
    }
    WireReader list = data.vector16("server_name_list", 1, 0xffff);
    data.expectEnd("server_name");
    List<ServerName> names = new ArrayList<>();
    Set<Integer> seen = new HashSet<>();
    while (list.hasRemaining()) {
      int type = list.uint8("name_type");
      // RFC 6066 §3: HostName is opaque<1..2^16-1>; unknown types start with a 16-bit length.
      Bytes name = list.opaque16("server name", type == HOST_NAME ? 1 : 0, 0xffff);
      if (!seen.add(type)) {
        // RFC 6066 §3: "The ServerNameList MUST NOT contain more than one name of the same name_type."
        throw data.error(AlertDescription.ILLEGAL_PARAMETER, "server_name: two names of type " + type);
      }
      names.add(new ServerName(type, name));
    }
    return new ServerNameExtension(names);
  }

  @Override
  public int typeCode() {
    return ExtensionType.SERVER_NAME.code();
  }

  @Override
  public void encodeData(WireWriter w) {
    if (names.isEmpty()) {
      return;
    }
    int mark = w.begin(2);
    for (ServerName n : names) {
      w.uint8(n.nameType()).opaque16(n.name());
    }
    w.end(mark);
  }

  /** The host_name entry as a string, if there is one. */
  public Optional<String> hostName() {
    return names.stream().filter(n -> n.nameType() == HOST_NAME).findFirst()
        .map(n -> new String(n.name().toByteArray(), StandardCharsets.US_ASCII));
  }

  @Override
  public String describe() {
    String inner = names.stream()
        .map(n -> n.nameType() == HOST_NAME
            ? new String(n.name().toByteArray(), StandardCharsets.US_ASCII)
            : "type" + n.nameType() + ":" + n.name().hex())
        .collect(Collectors.joining(","));
    return "server_name(" + inner + ")";
  }
}
