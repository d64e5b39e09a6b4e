package dev.hslab.cli;

import picocli.CommandLine.Option;

/** {@code run}'s {@code --loss P}: one loss probability (docs/cli.md network flags). */
final class LossFlag {

  @Option(names = "--loss", paramLabel = "P", description = "probability that a segment (with --transport none: a record) is lost")
  Double loss;
}
