package dev.hslab.scenario;

import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/** Reads the {@code network:} block of a scenario into {@link NetworkOptions}. */
final class NetworkReader {

  static final List<String> FIELDS = List.of("loss", "dup", "reorder", "corrupt", "latency", "faults", "partitions");

  private NetworkReader() {}

  static NetworkOptions read(Fields n) throws ScenarioException {
    n.allow(FIELDS);
    double[] latency = latency(n);
    List<Fault> faults = new ArrayList<>();
    for (Fields.Item<String> f : n.texts("faults").orElse(List.of())) {
      try {
        faults.add(Fault.parse(f.value()));
      } catch (IllegalArgumentException e) {
        throw n.error(f.position(), f.field(), e.getMessage());
      }
    }
    List<NetworkOptions.Partition> partitions = new ArrayList<>();
    for (Fields p : n.mappings("partitions").orElse(List.of())) {
      p.allow(List.of("from", "to"));
      double from = p.number("from").orElseThrow(() -> p.error("from", "missing (milliseconds of virtual time)"));
      double to = p.number("to").orElseThrow(() -> p.error("to", "missing (milliseconds of virtual time)"));
      if (from < 0) {
        throw p.error("from", "must be >= 0, got " + from);
      }
      if (to <= from) {
        throw p.error("to", "must be after from (" + from + " ms), got " + to);
      }
      partitions.add(new NetworkOptions.Partition(from, to));
    }
    return new NetworkOptions(probability(n, "loss"), probability(n, "dup"), probability(n, "reorder"),
        probability(n, "corrupt"), latency[0], latency[1], faults, partitions);
  }

  private static double probability(Fields n, String key) throws ScenarioException {
    double p = n.number(key).orElse(0.0);
    if (p < 0 || p > 1) {
      throw n.error(key, "a probability per record must be between 0 and 1, got " + p);
    }
    return p;
  }

  /** {@code latency: 20} (fixed) or {@code latency: 5-50} (uniform), milliseconds. */
  private static double[] latency(Fields n) throws ScenarioException {
    Optional<YamlNode> v = n.value("latency");
    if (v.isEmpty()) {
      return new double[] {0, 0};
    }
    if (v.get() instanceof YamlNode.Scalar s) {
      String[] parts = s.text().split("-", -1);
      try {
        if (s.type() != YamlNode.Scalar.Type.NULL && parts.length <= 2) {
          double min = Double.parseDouble(parts[0]);
          double max = parts.length == 2 ? Double.parseDouble(parts[1]) : min;
          if (min >= 0 && max >= min) {
            return new double[] {min, max};
          }
        }
      } catch (NumberFormatException e) {
        // reported below
      }
    }
    throw n.error("latency", "expected milliseconds MS or a range MIN-MAX such as 5-50, got " + v.get().kind());
  }
}
