package dev.hslab.model.pki;

import dev.hslab.model.wire.StrictDer;
import java.io.IOException;
import java.util.Arrays;
import org.bouncycastle.asn1.ASN1Boolean;
import org.bouncycastle.asn1.ASN1EncodableVector;
import org.bouncycastle.asn1.ASN1Integer;
import org.bouncycastle.asn1.ASN1ObjectIdentifier;
import org.bouncycastle.asn1.ASN1Primitive;
import org.bouncycastle.asn1.DERBitString;
import org.bouncycastle.asn1.DERNull;
import org.bouncycastle.asn1.DEROctetString;
import org.bouncycastle.asn1.DLSequence;
import org.bouncycastle.asn1.DLSet;
import org.bouncycastle.asn1.DLTaggedObject;

/**
 * BouncyCastle's object tree for bytes that {@link StrictDer} has accepted, built in one pass.
 * BouncyCastle's own parser reads through a stream per nesting level, byte by byte, and was half
 * the cost of taking a certificate apart. The structural types (SEQUENCE, SET, explicitly tagged
 * values) and the common primitives are built here as BouncyCastle's parser builds them; anything
 * else (strings, times, implicitly tagged values) is handed to that parser, one small encoding at
 * a time, so it gets exactly the old treatment.
 */
final class DerTree {

  private DerTree() {}

  /**
   * The tree of {@code der}, which must be one DER encoding ({@code StrictDer.problem(der) ==
   * null}: the walk below trusts its lengths).
   *
   * @throws IOException or an unchecked exception where BouncyCastle refuses a value
   */
  static ASN1Primitive parse(byte[] der) throws IOException {
    return new DerTree.Reader(der).element();
  }

  private static final class Reader {
    private final byte[] b;
    private int at;

    Reader(byte[] b) {
      this.b = b;
    }

    ASN1Primitive element() throws IOException {
      int start = at;
      int id = b[at] & 0xff;
      int contents = StrictDer.contentsStart(b, start);
      int end = StrictDer.contentsEnd(b, start);
      at = end;
      switch (id) {
        case 0x30:
          return new DLSequence(children(contents, end));
        case 0x31:
          return new DLSet(children(contents, end));
        case 0x01:
          return ASN1Boolean.getInstance(b[contents] != 0);
        case 0x02:
          return new ASN1Integer(Arrays.copyOfRange(b, contents, end));
        case 0x03:
          return new DERBitString(Arrays.copyOfRange(b, contents + 1, end), b[contents]);
        case 0x04:
          return new DEROctetString(Arrays.copyOfRange(b, contents, end));
        case 0x05:
          return DERNull.INSTANCE;
        case 0x06:
          return ASN1ObjectIdentifier.fromContents(Arrays.copyOfRange(b, contents, end));
        default:
          break;
      }
      if ((id & 0xe0) == 0xa0 && (id & 0x1f) != 0x1f) { // context-specific, constructed, low tag
        ASN1EncodableVector v = children(contents, end);
        if (v.size() == 1) {
          // [n] EXPLICIT: the parser's reading of one element in a constructed tag (X.690 §8.14).
          return new DLTaggedObject(true, id & 0x1f, v.get(0));
        }
      }
      // Strings, times, implicit tags, high tag numbers: BouncyCastle's parser, this element only.
      return ASN1Primitive.fromByteArray(Arrays.copyOfRange(b, start, end));
    }

    private ASN1EncodableVector children(int from, int end) throws IOException {
      int saved = at;
      at = from;
      ASN1EncodableVector v = new ASN1EncodableVector();
      while (at < end) {
        v.add(element());
      }
      at = saved;
      return v;
    }
  }
}
