package dev.hslab.model.crypto.kex;

import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.AlertDescription;
import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import java.math.BigInteger;
import java.util.Optional;

/**
 * Finite-field Diffie-Hellman parameters: the RFC 7919 groups, or (p, g) a server sent in its
 * ServerDHParams (RFC 5246 §7.4.3).
 *
 * @param exponentBits length of the private exponent we draw; RFC 7919 §5.2 allows a short
 *     exponent of at least twice the group's security level
 */
public record DhGroup(BigInteger p, BigInteger g, int exponentBits) {

  /** Smallest peer modulus accepted (what JSSE and BouncyCastle TLS also require by default). */
  public static final int MIN_PEER_BITS = 1024;
  /** Largest peer modulus accepted: bounds the work a peer can make us do. */
  public static final int MAX_PEER_BITS = 8192;

  private static final BigInteger TWO = BigInteger.TWO;

  /**
   * RFC 7919 Appendix A: each prime is 2^b - 2^(b-64) + (floor(2^(b-130) e) + X) * 2^64 - 1, so
   * all begin with the same hex digits (64 one bits, then those of e) and differ only near the end,
   * where b and X enter.
   */
  private static final String E_DIGITS = "FFFFFFFFFFFFFFFFADF85458A2BB4A9AAFDC5620273D3CF1D8B9C583CE2D3695"
      + "A9E13641146433FBCC939DCE249B3EF97D2FE363630C75D8F681B202AEC4617A"
      + "D3DF1ED5D5FD65612433F51F5F066ED0856365553DED1AF3B557135E7F57C935"
      + "984F0C70E0E68B77E2A689DAF3EFE8721DF158A136ADE73530ACCA4F483A797A"
      + "BC0AB182B324FB61D108A94BB2C8E3FBB96ADAB760D7F4681D4F42A3DE394DF4"
      + "AE56EDE76372BB190B07A7C8EE0A6D709E02FCE1CDF7E2ECC03404CD28342F61"
      + "9172FE9CE98583FF8E4F1232EEF28183C3FE3B1B4C6FAD733BB5FCBC2EC22005"
      + "C58EF1837D1683B2C6F34A26C1B2EFFA886B423861";

  /** RFC 7919 Appendix A.1, g = 2. */
  public static final DhGroup FFDHE2048 = new DhGroup(new BigInteger(E_DIGITS + "285C97FFFFFFFFFFFFFFFF", 16),
      TWO, 256); // RFC 7919 A.1: "a secret key of at least 225 bits"

  /** RFC 7919 Appendix A.2, g = 2. */
  public static final DhGroup FFDHE3072 = new DhGroup(new BigInteger(E_DIGITS
      + "1FCFDCDE355B3B6519035B"
      + "BC34F4DEF99C023861B46FC9D6E6C9077AD91D2691F7F7EE598CB0FAC186D91C"
      + "AEFE130985139270B4130C93BC437944F4FD4452E2D74DD364F2E21E71F54BFF"
      + "5CAE82AB9C9DF69EE86D2BC522363A0DABC521979B0DEADA1DBF9A42D5C4484E"
      + "0ABCD06BFA53DDEF3C1B20EE3FD59D7C25E41D2B66C62E37FFFFFFFFFFFFFFFF", 16),
      TWO, 320); // RFC 7919 A.2: "a secret key of at least 275 bits"

  public DhGroup {
    if (p.signum() <= 0 || g.signum() <= 0 || exponentBits < 2 || exponentBits >= p.bitLength()) {
      throw new IllegalArgumentException("bad DH parameters");
    }
  }

  /** The RFC 7919 group for a named group, empty for elliptic groups. */
  public static Optional<DhGroup> of(NamedGroup group) {
    return switch (group) {
      case FFDHE2048 -> Optional.of(FFDHE2048);
      case FFDHE3072 -> Optional.of(FFDHE3072);
      default -> Optional.empty();
    };
  }

  /**
   * Checks dh_p and dh_g from a server's ServerDHParams (RFC 5246 §7.4.3). A modulus under 1024
   * bits is insufficient_security, the alert BouncyCastle TLS (TlsDHUtils.receiveDHConfig) and
   * JSSE (DHServerKeyExchange: "does not comply to algorithm constraints") send; one over 8192 bits,
   * an even modulus or g outside 1 < g < p-1 is illegal_parameter (RFC 5246 §7.2.2: out of range).
   */
  public static DhGroup fromServerParams(Bytes dhP, Bytes dhG) throws TlsAlertException {
    BigInteger p = new BigInteger(1, dhP.toByteArray());
    BigInteger g = new BigInteger(1, dhG.toByteArray());
    if (p.bitLength() < MIN_PEER_BITS) {
      throw new TlsAlertException(AlertDescription.INSUFFICIENT_SECURITY,
          "ServerDHParams: dh_p of " + p.bitLength() + " bits, at least " + MIN_PEER_BITS + " required");
    }
    if (p.bitLength() > MAX_PEER_BITS || !p.testBit(0)) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER,
          "ServerDHParams: dh_p of " + p.bitLength() + " bits is out of range or even");
    }
    if (g.compareTo(BigInteger.ONE) <= 0 || g.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "ServerDHParams: dh_g out of range");
    }
    for (DhGroup known : new DhGroup[] {FFDHE2048, FFDHE3072}) {
      if (known.p.equals(p) && known.g.equals(g)) {
        return known; // RFC 7919 §3: a client may recognise a known group and use its exponent size
      }
    }
    return new DhGroup(p, g, Math.min(512, p.bitLength() - 1));
  }

  /**
   * RFC 7919 §5.1: "Peers MUST validate each other's public key Y by ensuring that 1 < Y < p-1";
   * anything else is illegal_parameter (RFC 5246 §7.2.2).
   */
  public BigInteger checkPeerPublic(Bytes y) throws TlsAlertException {
    BigInteger v = new BigInteger(1, y.toByteArray());
    if (v.compareTo(BigInteger.ONE) <= 0 || v.compareTo(p.subtract(BigInteger.ONE)) >= 0) {
      throw new TlsAlertException(AlertDescription.ILLEGAL_PARAMETER, "DH public value outside 1 < Y < p-1");
    }
    return v;
  }

  /** Bytes of the modulus. */
  public int length() {
    return (p.bitLength() + 7) / 8;
  }

  @Override
  public String toString() {
    return equals(FFDHE2048) ? "ffdhe2048" : equals(FFDHE3072) ? "ffdhe3072" : "dh" + p.bitLength();
  }
}
