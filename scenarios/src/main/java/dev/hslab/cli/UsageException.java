package dev.hslab.cli;

/** Bad usage or bad input: one clear line on stderr, exit code 2 (docs/cli.md). */
final class UsageException extends Exception {

  private static final long serialVersionUID = 1L;

  UsageException(String message) {
    super(message, null, false, false);
  }
}
