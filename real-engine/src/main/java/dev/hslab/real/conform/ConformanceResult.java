package dev.hslab.real.conform;

import dev.hslab.model.config.HandshakeConfig;
import dev.hslab.model.handshake.Side;
import java.util.List;

/**
 * One configuration run with a real engine on one side and the model engine on the other,
 * compared with the model-vs-model run of the same configuration.
 *
 * @param realSide the side the real engine played
 * @param skipped why the combination was not run (the provider cannot do it), or null
 * @param real each connection's sequence with the real engine ({@code side.type} labels)
 * @param model each connection's model-vs-model sequence
 * @param acceptance each connection's verdict of the real engine's own sequence under its role's table
 * @param normalized the legitimate differences set aside before comparing (empty: none applied)
 * @param difference the first remaining difference between the sequences, or null when equal
 */
public record ConformanceResult(HandshakeConfig config, Side realSide, String skipped, List<List<String>> real,
    List<List<String>> model, List<Acceptance> acceptance, List<String> normalized, String difference) {

  public ConformanceResult {
    real = List.copyOf(real);
    model = List.copyOf(model);
    acceptance = List.copyOf(acceptance);
    normalized = List.copyOf(normalized);
  }

  static ConformanceResult skipped(HandshakeConfig hc, Side side, String why) {
    return new ConformanceResult(hc, side, why, List.of(), List.of(), List.of(), List.of(), null);
  }

  /** Run, every real sequence accepted by the table and equal to the model's once normalized. */
  public boolean conforms() {
    return skipped == null && difference == null && acceptance.stream().allMatch(Acceptance::accepted);
  }
}
