package dev.hslab.model.message;

import dev.hslab.model.message.extension.EcPointFormatsExtension;
import dev.hslab.model.message.extension.ExtendedMasterSecretExtension;
import dev.hslab.model.message.extension.Extension;
import dev.hslab.model.message.extension.ExtensionType;
import dev.hslab.model.message.extension.RenegotiationInfoExtension;
import dev.hslab.model.message.extension.ServerNameExtension;
import dev.hslab.model.message.extension.ServerNameExtension.ServerName;
import dev.hslab.model.message.extension.SessionTicketExtension;
import dev.hslab.model.message.extension.SignatureAlgorithmsExtension;
import dev.hslab.model.message.extension.SupportedGroupsExtension;
import dev.hslab.model.message.extension.UnknownExtension;
import dev.hslab.model.suite.CipherSuite;
import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.suite.SignatureScheme;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashSet;
import java.util.List;
import java.util.Optional;
import java.util.Random;
import java.util.Set;

/**
 * Random valid messages of part A, drawn from a seeded {@link Random} so every failure reproduces.
 * Sizes are biased to the edges: empty and 32-byte session ids, absent and empty extension blocks,
 * unknown codes, single-entry and long lists.
 */
public final class MessageGenA {

  private final Random r;

  public MessageGenA(Random r) {
    this.r = r;
  }

  public Bytes bytes(int n) {
    byte[] b = new byte[n];
    r.nextBytes(b);
    return Bytes.wrap(b);
  }

  /** A length in 0..max, with the ends drawn more often than the middle. */
  public int size(int min, int max) {
    return switch (r.nextInt(6)) {
      case 0 -> min;
      case 1 -> max;
      default -> min + r.nextInt(max - min + 1);
    };
  }

  public ProtocolVersion version() {
    return r.nextInt(5) == 0
        ? new ProtocolVersion(r.nextInt(256), r.nextInt(256))
        : ProtocolVersion.SUPPORTED.get(r.nextInt(ProtocolVersion.SUPPORTED.size()));
  }

  public Bytes sessionId() {
    return bytes(size(0, 32));
  }

  /** Known suites, the SCSVs and arbitrary codes, duplicates allowed (the wire allows them). */
  public int cipherSuiteCode() {
    CipherSuite[] known = CipherSuite.values();
    return switch (r.nextInt(4)) {
      case 0 -> r.nextInt(0x10000);
      case 1 -> r.nextBoolean() ? CipherSuite.TLS_EMPTY_RENEGOTIATION_INFO_SCSV : CipherSuite.TLS_FALLBACK_SCSV;
      default -> known[r.nextInt(known.length)].code();
    };
  }

  public List<Integer> codes(int min, int max, int bound, List<Integer> favourites) {
    int n = size(min, max);
    List<Integer> out = new ArrayList<>(n);
    for (int i = 0; i < n; i++) {
      out.add(r.nextBoolean() && !favourites.isEmpty() ? favourites.get(r.nextInt(favourites.size())) : r.nextInt(bound));
    }
    return out;
  }

  public ClientHello clientHello() {
    List<Integer> suites = new ArrayList<>();
    for (int n = size(1, 100); n > 0; n--) {
      suites.add(cipherSuiteCode());
    }
    List<Integer> compression = new ArrayList<>(codes(0, 6, 256, List.of(1, 64)));
    compression.add(r.nextInt(compression.size() + 1), 0); // RFC 5246 §7.4.1.2: null is required
    return new ClientHello(version(), bytes(32), sessionId(), suites, compression, extensions());
  }

  public ServerHello serverHello() {
    return new ServerHello(version(), bytes(32), sessionId(), cipherSuiteCode(), r.nextInt(8) == 0 ? r.nextInt(256) : 0,
        extensions());
  }

  public CertificateMessage certificate() {
    List<Bytes> certs = new ArrayList<>();
    for (int n = size(0, 4); n > 0; n--) {
      certs.add(bytes(size(1, 600)));
    }
    return new CertificateMessage(certs);
  }

  public Finished finished(ProtocolVersion version) {
    return new Finished(bytes(Finished.verifyDataLength(version)));
  }

  public NewSessionTicket newSessionTicket() {
    long hint = switch (r.nextInt(4)) {
      case 0 -> 0;
      case 1 -> 0xffffffffL;
      default -> r.nextInt() & 0xffffffffL;
    };
    return new NewSessionTicket(hint, bytes(size(0, 400)));
  }

  /** Absent (1 in 4), empty (1 in 8) or a shuffled set of distinct extension types. */
  public Optional<List<Extension>> extensions() {
    int pick = r.nextInt(8);
    if (pick < 2) {
      return Optional.empty();
    } else if (pick == 2) {
      return Optional.of(List.of());
    }
    List<Extension> out = new ArrayList<>();
    Set<Integer> types = new HashSet<>();
    for (int n = 1 + r.nextInt(10); n > 0; n--) {
      Extension e = extension();
      if (types.add(e.typeCode())) {
        out.add(e);
      }
    }
    Collections.shuffle(out, r);
    return Optional.of(out);
  }

  public Extension extension() {
    return switch (r.nextInt(8)) {
      case 0 -> serverName();
      case 1 -> new SupportedGroupsExtension(codes(1, 40, 0x10000,
          java.util.Arrays.stream(NamedGroup.values()).map(NamedGroup::code).toList()));
      case 2 -> new EcPointFormatsExtension(codes(1, 5, 256, List.of(0, 1, 2)));
      case 3 -> new SignatureAlgorithmsExtension(codes(1, 40, 0x10000,
          java.util.Arrays.stream(SignatureScheme.values()).map(SignatureScheme::code).toList()));
      case 4 -> ExtendedMasterSecretExtension.INSTANCE;
      case 5 -> new SessionTicketExtension(bytes(size(0, 300)));
      case 6 -> new RenegotiationInfoExtension(bytes(r.nextBoolean() ? 0 : size(0, 255)));
      default -> unknownExtension();
    };
  }

  public UnknownExtension unknownExtension() {
    int type;
    do {
      type = r.nextBoolean() ? r.nextInt(64) : r.nextInt(0x10000);
    } while (ExtensionType.fromCode(type).isPresent());
    return new UnknownExtension(type, bytes(size(0, 200)));
  }

  /** A client's list (host_name first, sometimes an unknown name type) or the server's empty ack. */
  public ServerNameExtension serverName() {
    if (r.nextInt(4) == 0) {
      return ServerNameExtension.acknowledgement();
    }
    List<ServerName> names = new ArrayList<>();
    names.add(ServerName.hostName("host" + r.nextInt(1000) + ".example"));
    if (r.nextInt(4) == 0) {
      names.add(new ServerName(1 + r.nextInt(255), bytes(size(0, 20))));
    }
    return new ServerNameExtension(names);
  }
}
