package dev.hslab.output.report;

import dev.hslab.model.explore.ExplorationReport;
import java.util.Objects;

/**
 * What the report shows of an exploration: the report itself, which part of the configuration
 * space it covered, and the union graph of its valid paths and both roles' state machines.
 *
 * @param title the section's heading
 * @param scope the configurations explored, in words (e.g. the CLI flags); null for the whole space
 * @param report what the explorer found
 * @param paths the union graph of the valid paths; null to leave it out
 * @param clientStates the client's state machine; null to leave it out
 * @param serverStates the server's state machine; null to leave it out
 */
public record ExplorationView(String title, String scope, ExplorationReport report, Figure paths, Figure clientStates,
    Figure serverStates) {

  public ExplorationView {
    Objects.requireNonNull(title, "title");
    Objects.requireNonNull(report, "report");
  }
}
