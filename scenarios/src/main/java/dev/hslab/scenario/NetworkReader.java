package dev.hslab.scenario;

import dev.hslab.actors.Latency;
import dev.hslab.actors.NetworkOptions;
import dev.hslab.actors.Partition;
import dev.hslab.actors.tcp.TcpOptions;
import dev.hslab.model.fault.Fault;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * Reads the {@code network:} block of a scenario into the actors' {@link NetworkOptions}, with
 * the command line's grammar ({@link NetworkGrammar}); a field left out keeps the perfect link's
 * value (no fault, 1 ms each way), and the transport is TCP unless {@code transport: none}.
 */
final class NetworkReader {

  static final List<String> FIELDS = List.of("transport", "min-rto", "loss", "dup", "reorder", "corrupt", "latency", "faults",
      "partitions");

  private NetworkReader() {}

  static NetworkOptions read(Fields n) throws ScenarioException {
    n.allow(FIELDS);
    NetworkOptions options = NetworkOptions.perfect().withRandomFaults(probability(n, "loss"), probability(n, "dup"),
        probability(n, "reorder"), probability(n, "corrupt"), 0);
    Optional<Latency> latency = latency(n);
    if (latency.isPresent()) {
      options = options.withLatency(latency.get());
    }
    List<Fault> faults = new ArrayList<>();
    for (Fields.Item<String> f : n.texts("faults").orElse(List.of())) {
      try {
        faults.add(NetworkGrammar.fault(f.value()));
      } catch (IllegalArgumentException e) {
        throw n.error(f.position(), f.field(), e.getMessage());
      }
    }
    List<Partition> partitions = new ArrayList<>();
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
      partitions.add(new Partition(from, to, null)); // a scenario's partition cuts both directions
    }
    options = options.withPartitions(partitions).withFaults(faults);
    Optional<String> transport = n.text("transport");
    try {
      options = options.withTransport(transport.isPresent() ? NetworkGrammar.transport(transport.get())
          : NetworkGrammar.DEFAULT_TRANSPORT);
    } catch (IllegalArgumentException e) {
      throw n.error("transport", e.getMessage());
    }
    Optional<Double> minRto = n.number("min-rto");
    if (minRto.isPresent()) {
      try {
        options = options.withTcp(TcpOptions.defaults().withMinRto(NetworkGrammar.minRto(minRto.get())));
      } catch (IllegalArgumentException e) {
        throw n.error("min-rto", e.getMessage());
      }
    }
    return options;
  }

  private static double probability(Fields n, String key) throws ScenarioException {
    double p = n.number(key).orElse(0.0);
    if (!NetworkGrammar.isProbability(p)) {
      throw n.error(key, "a probability per record must be between 0 and 1, got " + p);
    }
    return p;
  }

  /** {@code latency: 20} (fixed) or {@code latency: 5-50} (uniform), milliseconds. */
  private static Optional<Latency> latency(Fields n) throws ScenarioException {
    Optional<YamlNode> v = n.value("latency");
    if (v.isEmpty()) {
      return Optional.empty();
    }
    if (v.get() instanceof YamlNode.Scalar s && s.type() != YamlNode.Scalar.Type.NULL) {
      try {
        return Optional.of(NetworkGrammar.latency(s.text()));
      } catch (IllegalArgumentException e) {
        // reported below, in the scenario's words
      }
    }
    throw n.error("latency", "expected milliseconds MS or a range MIN-MAX such as 5-50, got " + v.get().kind());
  }
}
