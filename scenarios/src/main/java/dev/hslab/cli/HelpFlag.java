package dev.hslab.cli;

import picocli.CommandLine.Option;

/** The {@code -h}/{@code --help} flag every subcommand takes, last in its option list. */
final class HelpFlag {

  @Option(names = {"-h", "--help"}, usageHelp = true, description = "show this help")
  boolean help;
}
