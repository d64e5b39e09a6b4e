package dev.hslab.model.message;

import dev.hslab.model.wire.Bytes;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;

/**
 * RFC 5246 §7.4.3 ServerDHParams: {@code opaque dh_p<1..2^16-1>; opaque dh_g<1..2^16-1>;
 * opaque dh_Ys<1..2^16-1>}, big-endian unsigned integers kept as their wire bytes (checking the
 * group and the public value is the key exchange's job).
 */
public record ServerDhParams(Bytes p, Bytes g, Bytes ys) implements ServerKeyExchangeParams {

  public ServerDhParams {
    check(p, "dh_p");
    check(g, "dh_g");
    check(ys, "dh_Ys");
  }

  public static ServerDhParams read(WireReader r) throws TlsAlertException {
    Bytes p = r.opaque16("dh_p", 1, 0xffff);
    Bytes g = r.opaque16("dh_g", 1, 0xffff);
    Bytes ys = r.opaque16("dh_Ys", 1, 0xffff);
    return new ServerDhParams(p, g, ys);
  }

  @Override
  public void write(WireWriter w) {
    w.opaque16(p).opaque16(g).opaque16(ys);
  }

  @Override
  public String describe() {
    return "dh p=" + p.length() + "B g=" + g.length() + "B Ys=" + ys.length() + "B";
  }

  private static void check(Bytes b, String what) {
    if (b == null || b.isEmpty() || b.length() > 0xffff) {
      throw new IllegalArgumentException(what + " needs 1..65535 bytes");
    }
  }
}
