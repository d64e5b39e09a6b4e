package dev.hslab.model.explore;

import java.util.List;
import java.util.Map;

/** What one configuration's search found; merged into the report in configuration order. */
record SearchResult(
    Configuration config,
    int states,
    long transitions,
    Map<String, Long> outcomes,
    List<Finding> violations,
    long violationCount,
    long deadlocks,
    Finding firstDeadlock,
    List<ValidPath> paths,
    double bytesPerState,
    boolean complete,
    TraceStore graph) {}
