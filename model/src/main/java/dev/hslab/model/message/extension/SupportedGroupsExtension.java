package dev.hslab.model.message.extension;

import dev.hslab.model.suite.NamedGroup;
import dev.hslab.model.wire.TlsAlertException;
import dev.hslab.model.wire.WireReader;
import dev.hslab.model.wire.WireWriter;
import java.util.List;
import java.util.Optional;

/**
 * supported_groups, formerly elliptic_curves (RFC 8422 §5.1.1, RFC 7919 §2): {@code NamedGroup
 * named_group_list<2..2^16-1>}. Codes stay raw so unknown groups round-trip.
 */
public record SupportedGroupsExtension(List<Integer> groups) implements Extension {

  public SupportedGroupsExtension {
    groups = UintLists.checked(groups, 0xffff, 1, 0x7fff, "supported_groups");
  }

  public static SupportedGroupsExtension of(NamedGroup... groups) {
    return new SupportedGroupsExtension(java.util.Arrays.stream(groups).map(NamedGroup::code).toList());
  }

  public static SupportedGroupsExtension decode(WireReader data) throws TlsAlertException {
    WireReader list = data.vector16("named_group_list", 2, 0xffff);
    data.expectEnd("supported_groups");
    return new SupportedGroupsExtension(UintLists.readUint16s(list, "named_group_list"));
  }

  /** The groups this model knows, in the peer's order of preference. */
  public List<NamedGroup> knownGroups() {
    return groups.stream().map(NamedGroup::fromCode).flatMap(Optional::stream).toList();
  }

  @Override
  public int typeCode() {
    return ExtensionType.SUPPORTED_GROUPS.code();
  }

  @Override
  public void encodeData(WireWriter w) {
    w.uint16(groups.size() * 2);
    groups.forEach(w::uint16);
  }

  @Override
  public String describe() {
    return "supported_groups(" + UintLists.describe(groups,
        c -> NamedGroup.fromCode(c).map(NamedGroup::rfcName).orElse(String.format("0x%04x", c))) + ")";
  }
}
