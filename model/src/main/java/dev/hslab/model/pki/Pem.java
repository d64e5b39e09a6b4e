package dev.hslab.model.pki;

import dev.hslab.model.wire.Bytes;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.security.GeneralSecurityException;
import java.security.PrivateKey;
import java.security.cert.CertificateException;
import java.security.cert.X509Certificate;
import java.util.ArrayList;
import java.util.Base64;
import java.util.List;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.pkcs.PKCSObjectIdentifiers;
import org.bouncycastle.asn1.pkcs.PrivateKeyInfo;
import org.bouncycastle.asn1.pkcs.RSAPrivateKey;
import org.bouncycastle.asn1.sec.ECPrivateKey;
import org.bouncycastle.asn1.x509.AlgorithmIdentifier;
import org.bouncycastle.asn1.x9.X9ObjectIdentifiers;

/**
 * PEM files (RFC 7468): certificates as {@code CERTIFICATE} blocks, private keys as PKCS#8
 * {@code PRIVATE KEY}; OpenSSL's traditional {@code RSA PRIVATE KEY} (RFC 8017 A.1.2) and
 * {@code EC PRIVATE KEY} (RFC 5915 §3) are read too. Text outside blocks is ignored, as RFC 7468
 * §2 allows; every error names the file and, where there is one, the line.
 */
public final class Pem {

  /** One decoded block; {@code line} is where its BEGIN line is (1-based). */
  public record Block(String label, Bytes der, int line) {}

  private Pem() {}

  public static String encode(String label, Bytes der) {
    // RFC 7468 §2: base64 lines of 64 characters, the last one shorter.
    String body = Base64.getMimeEncoder(64, "\n".getBytes(StandardCharsets.US_ASCII))
        .encodeToString(der.toByteArray());
    return "-----BEGIN " + label + "-----\n" + body + "\n-----END " + label + "-----\n";
  }

  /** All blocks of {@code text}; {@code source} names it in errors. */
  public static List<Block> decode(String text, String source) throws PemException {
    List<Block> blocks = new ArrayList<>();
    String[] lines = text.split("\r?\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String label = label(lines[i].strip(), "-----BEGIN ");
      if (label == null) {
        continue;
      }
      int begin = i + 1;
      StringBuilder b64 = new StringBuilder();
      String end = null;
      while (++i < lines.length && (end = label(lines[i].strip(), "-----END ")) == null) {
        b64.append(lines[i].strip());
      }
      if (end == null) {
        throw new PemException(source + ": line " + begin + ": BEGIN " + label + " without END");
      }
      if (!end.equals(label)) {
        throw new PemException(source + ": line " + (i + 1) + ": END " + end + " does not match BEGIN " + label);
      }
      try {
        blocks.add(new Block(label, Bytes.wrap(Base64.getDecoder().decode(b64.toString())), begin));
      } catch (IllegalArgumentException e) {
        throw new PemException(source + ": line " + begin + ": " + label + " block is not valid base64", e);
      }
    }
    return blocks;
  }

  public static void writeCertificates(Path file, List<X509Certificate> certs) throws IOException {
    StringBuilder s = new StringBuilder();
    certs.forEach(c -> s.append(encode("CERTIFICATE", Jca.encoded(c))));
    Files.writeString(file, s, StandardCharsets.US_ASCII);
  }

  /** Every CERTIFICATE block of {@code file}, in order; at least one. */
  public static List<X509Certificate> readCertificates(Path file) throws IOException {
    List<X509Certificate> certs = new ArrayList<>();
    for (Block b : blocks(file)) {
      if (b.label().equals("CERTIFICATE")) {
        try {
          certs.add(Jca.certificate(b.der()));
        } catch (CertificateException e) {
          throw new PemException(file + ": line " + b.line() + ": not an X.509 certificate ("
              + e.getMessage() + ")", e);
        }
      }
    }
    if (certs.isEmpty()) {
      throw new PemException(file + ": no -----BEGIN CERTIFICATE----- block");
    }
    return List.copyOf(certs);
  }

  public static void writePrivateKey(Path file, PrivateKey key) throws IOException {
    Files.writeString(file, encode("PRIVATE KEY", Bytes.wrap(key.getEncoded())), StandardCharsets.US_ASCII);
  }

  /** The one private key block of {@code file} (PKCS#8, or OpenSSL's RSA/EC formats). */
  public static PrivateKey readPrivateKey(Path file) throws IOException {
    List<Block> keys = blocks(file).stream().filter(b -> b.label().endsWith("PRIVATE KEY")).toList();
    if (keys.size() != 1) {
      throw new PemException(file + ": expected one -----BEGIN PRIVATE KEY----- block, found " + keys.size());
    }
    Block b = keys.get(0);
    try {
      return Jca.privateKey(pkcs8(b));
    } catch (GeneralSecurityException | RuntimeException e) {
      throw new PemException(file + ": line " + b.line() + ": unusable " + b.label() + " ("
          + e.getMessage() + ")", e);
    }
  }

  private static Bytes pkcs8(Block b) throws GeneralSecurityException {
    try {
      switch (b.label()) {
        case "PRIVATE KEY":
          return b.der();
        case "RSA PRIVATE KEY":
          return Bytes.wrap(new PrivateKeyInfo(
              new AlgorithmIdentifier(PKCSObjectIdentifiers.rsaEncryption, DERNull.INSTANCE),
              RSAPrivateKey.getInstance(b.der().toByteArray())).getEncoded());
        case "EC PRIVATE KEY":
          ECPrivateKey ec = ECPrivateKey.getInstance(b.der().toByteArray());
          return Bytes.wrap(new PrivateKeyInfo(
              new AlgorithmIdentifier(X9ObjectIdentifiers.id_ecPublicKey, ec.getParametersObject()),
              ec).getEncoded());
        default:
          throw new GeneralSecurityException("encrypted or unknown key format; decrypt it first "
              + "(openssl pkey -in FILE -out PLAIN.pem)");
      }
    } catch (IOException e) {
      throw new GeneralSecurityException(e.getMessage(), e);
    }
  }

  private static List<Block> blocks(Path file) throws IOException {
    byte[] raw;
    try {
      raw = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new PemException(file + ": cannot read (" + e.getClass().getSimpleName() + ")", e);
    }
    // Latin-1 maps every byte, so a binary (DER) file reaches the "no block" error below.
    return decode(new String(raw, StandardCharsets.ISO_8859_1), file.toString());
  }

  private static String label(String line, String prefix) {
    return line.startsWith(prefix) && line.endsWith("-----") && line.length() >= prefix.length() + 5
        ? line.substring(prefix.length(), line.length() - 5) : null;
  }
}
