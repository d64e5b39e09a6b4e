package dev.hslab.model.suite;

import dev.hslab.model.wire.ProtocolVersion;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * The cipher-suite registry: IANA names and code points of every suite this model negotiates,
 * with their key exchange, record cipher, MAC and PRF hash. Sources: RFC 5246 Appendix A.5,
 * RFC 5288 (GCM), RFC 5289 (ECC SHA-256/384), RFC 4492/8422 (ECC), RFC 4279, RFC 5487 and RFC
 * 8442 (PSK), RFC 5489 (ECDHE_PSK), RFC 7905 (ChaCha20-Poly1305).
 *
 * <p>Suites with SHA-256/384 MACs or AEAD ciphers exist only from TLS 1.2 (RFC 5246 §1.2). The
 * ECC and PSK suites are defined for TLS (RFC 4492 §1, RFC 4279 §1), so they start at TLS 1.0;
 * the RSA, DHE_RSA and DH_anon AES-CBC-SHA suites also run over SSL 3.0 (RFC 3268 §3).
 */
public enum CipherSuite {
  TLS_RSA_WITH_AES_128_CBC_SHA(0x002F, KeyExchange.RSA, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.SSL3),
  TLS_RSA_WITH_AES_256_CBC_SHA(0x0035, KeyExchange.RSA, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.SSL3),
  TLS_RSA_WITH_AES_128_CBC_SHA256(0x003C, KeyExchange.RSA, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA256, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_RSA_WITH_AES_256_CBC_SHA256(0x003D, KeyExchange.RSA, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA256, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_RSA_WITH_AES_128_GCM_SHA256(0x009C, KeyExchange.RSA, BulkCipher.AES_128_GCM, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_RSA_WITH_AES_256_GCM_SHA384(0x009D, KeyExchange.RSA, BulkCipher.AES_256_GCM, MacAlgorithm.NONE, PrfHash.SHA384, ProtocolVersion.TLS12),
  TLS_DHE_RSA_WITH_AES_128_CBC_SHA(0x0033, KeyExchange.DHE_RSA, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.SSL3),
  TLS_DHE_RSA_WITH_AES_256_CBC_SHA(0x0039, KeyExchange.DHE_RSA, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.SSL3),
  TLS_DHE_RSA_WITH_AES_128_CBC_SHA256(0x0067, KeyExchange.DHE_RSA, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA256, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_DHE_RSA_WITH_AES_256_CBC_SHA256(0x006B, KeyExchange.DHE_RSA, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA256, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_DHE_RSA_WITH_AES_128_GCM_SHA256(0x009E, KeyExchange.DHE_RSA, BulkCipher.AES_128_GCM, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_DHE_RSA_WITH_AES_256_GCM_SHA384(0x009F, KeyExchange.DHE_RSA, BulkCipher.AES_256_GCM, MacAlgorithm.NONE, PrfHash.SHA384, ProtocolVersion.TLS12),
  TLS_DHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xCCAA, KeyExchange.DHE_RSA, BulkCipher.CHACHA20_POLY1305, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA(0xC013, KeyExchange.ECDHE_RSA, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.TLS10),
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA(0xC014, KeyExchange.ECDHE_RSA, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.TLS10),
  TLS_ECDHE_RSA_WITH_AES_128_CBC_SHA256(0xC027, KeyExchange.ECDHE_RSA, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA256, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_ECDHE_RSA_WITH_AES_256_CBC_SHA384(0xC028, KeyExchange.ECDHE_RSA, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA384, PrfHash.SHA384, ProtocolVersion.TLS12),
  TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256(0xC02F, KeyExchange.ECDHE_RSA, BulkCipher.AES_128_GCM, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_ECDHE_RSA_WITH_AES_256_GCM_SHA384(0xC030, KeyExchange.ECDHE_RSA, BulkCipher.AES_256_GCM, MacAlgorithm.NONE, PrfHash.SHA384, ProtocolVersion.TLS12),
  TLS_ECDHE_RSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA8, KeyExchange.ECDHE_RSA, BulkCipher.CHACHA20_POLY1305, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA(0xC009, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.TLS10),
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA(0xC00A, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.TLS10),
  TLS_ECDHE_ECDSA_WITH_AES_128_CBC_SHA256(0xC023, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA256, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_ECDHE_ECDSA_WITH_AES_256_CBC_SHA384(0xC024, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA384, PrfHash.SHA384, ProtocolVersion.TLS12),
  TLS_ECDHE_ECDSA_WITH_AES_128_GCM_SHA256(0xC02B, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_128_GCM, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_ECDHE_ECDSA_WITH_AES_256_GCM_SHA384(0xC02C, KeyExchange.ECDHE_ECDSA, BulkCipher.AES_256_GCM, MacAlgorithm.NONE, PrfHash.SHA384, ProtocolVersion.TLS12),
  TLS_ECDHE_ECDSA_WITH_CHACHA20_POLY1305_SHA256(0xCCA9, KeyExchange.ECDHE_ECDSA, BulkCipher.CHACHA20_POLY1305, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_DH_anon_WITH_AES_128_CBC_SHA(0x0034, KeyExchange.DH_ANON, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.SSL3),
  TLS_DH_anon_WITH_AES_256_CBC_SHA(0x003A, KeyExchange.DH_ANON, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.SSL3),
  TLS_DH_anon_WITH_AES_128_CBC_SHA256(0x006C, KeyExchange.DH_ANON, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA256, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_DH_anon_WITH_AES_256_CBC_SHA256(0x006D, KeyExchange.DH_ANON, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA256, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_DH_anon_WITH_AES_128_GCM_SHA256(0x00A6, KeyExchange.DH_ANON, BulkCipher.AES_128_GCM, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_DH_anon_WITH_AES_256_GCM_SHA384(0x00A7, KeyExchange.DH_ANON, BulkCipher.AES_256_GCM, MacAlgorithm.NONE, PrfHash.SHA384, ProtocolVersion.TLS12),
  TLS_ECDH_anon_WITH_AES_128_CBC_SHA(0xC018, KeyExchange.ECDH_ANON, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.TLS10),
  TLS_ECDH_anon_WITH_AES_256_CBC_SHA(0xC019, KeyExchange.ECDH_ANON, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.TLS10),
  TLS_PSK_WITH_AES_128_CBC_SHA(0x008C, KeyExchange.PSK, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.TLS10),
  TLS_PSK_WITH_AES_256_CBC_SHA(0x008D, KeyExchange.PSK, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.TLS10),
  TLS_PSK_WITH_AES_128_CBC_SHA256(0x00AE, KeyExchange.PSK, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA256, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_PSK_WITH_AES_256_CBC_SHA384(0x00AF, KeyExchange.PSK, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA384, PrfHash.SHA384, ProtocolVersion.TLS12),
  TLS_PSK_WITH_AES_128_GCM_SHA256(0x00A8, KeyExchange.PSK, BulkCipher.AES_128_GCM, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_PSK_WITH_AES_256_GCM_SHA384(0x00A9, KeyExchange.PSK, BulkCipher.AES_256_GCM, MacAlgorithm.NONE, PrfHash.SHA384, ProtocolVersion.TLS12),
  TLS_PSK_WITH_CHACHA20_POLY1305_SHA256(0xCCAB, KeyExchange.PSK, BulkCipher.CHACHA20_POLY1305, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA(0xC035, KeyExchange.ECDHE_PSK, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.TLS10),
  TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA(0xC036, KeyExchange.ECDHE_PSK, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA1, PrfHash.SHA256, ProtocolVersion.TLS10),
  TLS_ECDHE_PSK_WITH_AES_128_CBC_SHA256(0xC037, KeyExchange.ECDHE_PSK, BulkCipher.AES_128_CBC, MacAlgorithm.HMAC_SHA256, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_ECDHE_PSK_WITH_AES_256_CBC_SHA384(0xC038, KeyExchange.ECDHE_PSK, BulkCipher.AES_256_CBC, MacAlgorithm.HMAC_SHA384, PrfHash.SHA384, ProtocolVersion.TLS12),
  TLS_ECDHE_PSK_WITH_AES_128_GCM_SHA256(0xD001, KeyExchange.ECDHE_PSK, BulkCipher.AES_128_GCM, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12),
  TLS_ECDHE_PSK_WITH_AES_256_GCM_SHA384(0xD002, KeyExchange.ECDHE_PSK, BulkCipher.AES_256_GCM, MacAlgorithm.NONE, PrfHash.SHA384, ProtocolVersion.TLS12),
  TLS_ECDHE_PSK_WITH_CHACHA20_POLY1305_SHA256(0xCCAC, KeyExchange.ECDHE_PSK, BulkCipher.CHACHA20_POLY1305, MacAlgorithm.NONE, PrfHash.SHA256, ProtocolVersion.TLS12);

  /** RFC 5746 §3.3: signals secure renegotiation in an initial ClientHello; never negotiated. */
  public static final int TLS_EMPTY_RENEGOTIATION_INFO_SCSV = 0x00FF;

  /** RFC 7507 §2: a fallback ClientHello; never negotiated. */
  public static final int TLS_FALLBACK_SCSV = 0x5600;

  private static final Map<Integer, CipherSuite> BY_CODE = new HashMap<>();

  static {
    for (CipherSuite s : values()) {
      BY_CODE.put(s.code, s);
    }
  }

  private final int code;
  private final KeyExchange keyExchange;
  private final BulkCipher cipher;
  private final MacAlgorithm mac;
  private final PrfHash prfHash;
  private final ProtocolVersion minVersion;

  CipherSuite(int code, KeyExchange keyExchange, BulkCipher cipher, MacAlgorithm mac, PrfHash prfHash,
      ProtocolVersion minVersion) {
    this.code = code;
    this.keyExchange = keyExchange;
    this.cipher = cipher;
    this.mac = mac;
    this.prfHash = prfHash;
    this.minVersion = minVersion;
  }

  public int code() {
    return code;
  }

  public KeyExchange keyExchange() {
    return keyExchange;
  }

  public BulkCipher cipher() {
    return cipher;
  }

  public MacAlgorithm mac() {
    return mac;
  }

  public PrfHash prfHash() {
    return prfHash;
  }

  public ProtocolVersion minVersion() {
    return minVersion;
  }

  public boolean isAead() {
    return cipher.type() == BulkCipher.Type.AEAD;
  }

  /**
   * Whether {@code version} can carry this suite. A DTLS version carries the suites of its TLS
   * equivalent whose cipher DTLS allows (RFC 6347 §4.1.2.2: no stream ciphers).
   */
  public boolean supportedBy(ProtocolVersion version) {
    if (version.isDtls()) {
      return ProtocolVersion.DTLS.contains(version) && cipher.type().allowedInDtls()
          && supportedBy(version.tlsEquivalent());
    }
    return version.isSupported() && version.compareTo(minVersion) >= 0;
  }

  /** The IANA name, e.g. {@code TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256}. */
  public String ianaName() {
    return name();
  }

  public static Optional<CipherSuite> fromCode(int code) {
    return Optional.ofNullable(BY_CODE.get(code));
  }

  public static Optional<CipherSuite> fromIanaName(String name) {
    for (CipherSuite s : values()) {
      if (s.name().equals(name)) {
        return Optional.of(s);
      }
    }
    return Optional.empty();
  }

  /** The suites of {@code kex} that {@code version} can carry, in registry order. */
  public static List<CipherSuite> of(KeyExchange kex, ProtocolVersion version) {
    List<CipherSuite> out = new ArrayList<>();
    for (CipherSuite s : values()) {
      if (s.keyExchange == kex && s.supportedBy(version)) {
        out.add(s);
      }
    }
    return Collections.unmodifiableList(out);
  }

  /** A printable name for any code point, known or not. */
  public static String nameOf(int code) {
    if (code == TLS_EMPTY_RENEGOTIATION_INFO_SCSV) {
      return "TLS_EMPTY_RENEGOTIATION_INFO_SCSV";
    } else if (code == TLS_FALLBACK_SCSV) {
      return "TLS_FALLBACK_SCSV";
    }
    return fromCode(code).map(CipherSuite::name).orElse(String.format("0x%04X", code));
  }
}
