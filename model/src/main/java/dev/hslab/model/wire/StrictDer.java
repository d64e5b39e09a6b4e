package dev.hslab.model.wire;

/**
 * Whether bytes are one DER encoding (X.690 §10, §11), checked by walking them once; and, for
 * bytes it accepted, where an element's contents start and end. Certificates must be DER (RFC 5280
 * §4.1), which also makes the TBSCertificate as received exactly the signed bytes; so must an
 * ECDSA signature's Ecdsa-Sig-Value. Walking is several times cheaper than what it replaces,
 * BouncyCastle's re-encoding of the parsed value compared with the input, and refuses at least
 * everything that did:
 * <ul>
 *   <li>identifier octets: the low-tag form below 31, the high-tag form minimal; no end-of-contents;
 *   <li>lengths: definite, in the fewest octets (X.690 §10.1), within the enclosing contents;
 *   <li>constructed contents: a sequence of such encodings, exactly filling the contents;
 *   <li>universal types: BOOLEAN one octet 00 or FF (§11.1); INTEGER and ENUMERATED minimal
 *       (§8.3.2); BIT STRING with at most 7 unused bits, all zero (§11.2); NULL empty; OBJECT
 *       IDENTIFIER sub-identifiers minimal (§8.19.2); strings, times, OCTET and BIT STRINGs
 *       primitive (§10.2); SEQUENCE and SET constructed; SET components in ascending order of their
 *       encodings (§11.6), compared as BouncyCastle's DER encoder sorts them.
 * </ul>
 * Contents of primitive encodings beyond these rules (the characters of a string, the digits of a
 * time) are for the parser to judge, as before.
 */
public final class StrictDer {

  private static final int CONSTRUCTED = 0x20;
  private static final int CLASS_MASK = 0xc0;
  private static final int MAX_DEPTH = 64;

  private StrictDer() {}

  /** Null if {@code der} is exactly one DER encoding, else what is wrong and at which offset. */
  public static String problem(byte[] der) {
    try {
      int end = element(der, 0, der.length, 0);
      return end == der.length ? null : "bytes after the encoding at offset " + end;
    } catch (NotDer e) {
      return e.getMessage();
    }
  }

  /**
   * Where the contents of the element at {@code at} start, in bytes that {@link #problem} accepted
   * (its identifier and length octets are trusted, not checked again).
   */
  public static int contentsStart(byte[] der, int at) {
    return header(der, at, false);
  }

  /** Where the contents of the element at {@code at} end, in bytes that {@link #problem} accepted. */
  public static int contentsEnd(byte[] der, int at) {
    return header(der, at, true);
  }

  private static int header(byte[] der, int at, boolean end) {
    if ((der[at++] & 0x1f) == 0x1f) {
      while ((der[at++] & 0x80) != 0) {
        // the tag number's octets
      }
    }
    int first = der[at++] & 0xff;
    int length = first;
    if (first >= 0x80) {
      length = 0;
      for (int i = 0; i < (first & 0x7f); i++) {
        length = (length << 8) | (der[at++] & 0xff);
      }
    }
    return end ? at + length : at;
  }

  private static final class NotDer extends Exception {
    NotDer(String what, int at) {
      super(what + " at offset " + at);
    }
  }

  /** Checks the encoding at {@code at}, within {@code limit}; returns where it ends. */
  private static int element(byte[] b, int at, int limit, int depth) throws NotDer {
    int start = at;
    if (at >= limit) {
      throw new NotDer("truncated identifier", at);
    }
    int id = b[at++] & 0xff;
    int tag = id & 0x1f;
    if (tag == 0x1f) { // X.690 §8.1.2.4: high-tag-number form, base 128, minimal, for tags ≥ 31
      if (at >= limit || (b[at] & 0xff) == 0x80) {
        throw new NotDer("tag number not minimal", start);
      }
      tag = 0;
      int octets = 0;
      int octet;
      do {
        if (at >= limit || ++octets > 4) {
          throw new NotDer("tag number truncated or too long", start);
        }
        octet = b[at++] & 0xff;
        tag = (tag << 7) | (octet & 0x7f);
      } while ((octet & 0x80) != 0);
      if (tag < 0x1f) {
        throw new NotDer("tag number not minimal", start);
      }
    }
    if (at >= limit) {
      throw new NotDer("truncated length", at);
    }
    int first = b[at++] & 0xff;
    int length;
    if (first < 0x80) {
      length = first;
    } else {
      int octets = first & 0x7f;
      if (octets == 0) {
        throw new NotDer("indefinite length", at - 1);
      }
      if (octets > 3 || at + octets > limit || b[at] == 0) {
        throw new NotDer("length not minimal", at - 1);
      }
      length = 0;
      for (int i = 0; i < octets; i++) {
        length = (length << 8) | (b[at++] & 0xff);
      }
      if (length < 0x80) {
        throw new NotDer("length not minimal", at - octets - 1);
      }
    }
    if (length > limit - at) {
      throw new NotDer("length runs past its container", start);
    }
    int end = at + length;
    boolean constructed = (id & CONSTRUCTED) != 0;
    if ((id & CLASS_MASK) == 0) {
      universal(b, start, tag, constructed, at, end);
    }
    if (constructed) {
      if (depth >= MAX_DEPTH) {
        throw new NotDer("nested too deeply", start);
      }
      int previous = -1;
      while (at < end) {
        int next = element(b, at, end, depth + 1);
        if (tag == 17 && (id & CLASS_MASK) == 0 && previous >= 0 && !inOrder(b, previous, at, at, next)) {
          throw new NotDer("SET components out of DER order", at);
        }
        previous = at;
        at = next;
      }
    }
    return end;
  }

  private static void universal(byte[] b, int start, int tag, boolean constructed, int at, int end) throws NotDer {
    int length = end - at;
    switch (tag) {
      case 0 -> throw new NotDer("end-of-contents in a DER encoding", start);
      case 1 -> {
        if (constructed || length != 1 || b[at] != 0 && b[at] != (byte) 0xff) {
          throw new NotDer("BOOLEAN not DER", start);
        }
      }
      case 2, 10 -> {
        if (constructed || length == 0
            || length > 1 && (b[at] == 0 && b[at + 1] >= 0 || b[at] == (byte) 0xff && b[at + 1] < 0)) {
          throw new NotDer("INTEGER not minimal", start);
        }
      }
      case 3 -> {
        int unused = length == 0 ? -1 : b[at] & 0xff;
        if (constructed || unused < 0 || unused > 7 || length == 1 && unused != 0
            || unused > 0 && (b[end - 1] & ((1 << unused) - 1)) != 0) {
          throw new NotDer("BIT STRING not DER", start);
        }
      }
      case 5 -> {
        if (constructed || length != 0) {
          throw new NotDer("NULL not empty", start);
        }
      }
      case 6, 13 -> {
        if (constructed || length == 0 || b[end - 1] < 0) {
          throw new NotDer("OBJECT IDENTIFIER malformed", start);
        }
        for (int i = at; i < end; i++) {
          // A sub-identifier starts at the first octet or after one without the continuation bit.
          if ((i == at || b[i - 1] >= 0) && (b[i] & 0xff) == 0x80) {
            throw new NotDer("OBJECT IDENTIFIER sub-identifier not minimal", start);
          }
        }
      }
      case 16, 17 -> {
        if (!constructed) {
          throw new NotDer("SEQUENCE or SET not constructed", start);
        }
      }
      case 4, 12, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 30 -> {
        if (constructed) {
          throw new NotDer("constructed string", start);
        }
      }
      default -> {
        // other universal types: the general rules only
      }
    }
  }

  /**
   * Whether encoding a = b[a0, a1) may precede encoding b = b[b0, b1) in a DER SET: by the first
   * octet without its constructed bit, then the following octets unsigned, the shorter as if it
   * ended there (the order BouncyCastle's DERSet sorts into, which the old check compared with).
   */
  private static boolean inOrder(byte[] b, int a0, int a1, int b0, int b1) {
    int x = b[a0] & ~CONSTRUCTED & 0xff;
    int y = b[b0] & ~CONSTRUCTED & 0xff;
    if (x != y) {
      return x < y;
    }
    int last = Math.min(a1 - a0, b1 - b0) - 1;
    for (int i = 1; i < last; i++) {
      if (b[a0 + i] != b[b0 + i]) {
        return (b[a0 + i] & 0xff) < (b[b0 + i] & 0xff);
      }
    }
    return (b[a0 + last] & 0xff) <= (b[b0 + last] & 0xff);
  }
}
