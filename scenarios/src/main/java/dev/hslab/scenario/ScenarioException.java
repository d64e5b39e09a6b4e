package dev.hslab.scenario;

/**
 * A scenario file that cannot be used: one line naming the file, the line and column, the field
 * and what is allowed, e.g. {@code scenarios/x.yaml:7:3: client.kex: unknown value 'ecdh'
 * (allowed: rsa, ...)} (docs/cli.md: bad input is exit code 2 with one clear line).
 */
public final class ScenarioException extends Exception {

  private static final long serialVersionUID = 1L;

  private final String file;
  private final int line;
  private final int column;
  private final String field;
  private final String problem;

  /**
   * @param line from 1, or 0 when the problem is the whole file (then column is ignored)
   * @param field the dotted field name, or null for a problem that is not about one field
   */
  public ScenarioException(String file, int line, int column, String field, String problem) {
    super(format(file, line, column, field, problem), null, false, false);
    this.file = file;
    this.line = line;
    this.column = column;
    this.field = field;
    this.problem = problem;
  }

  private static String format(String file, int line, int column, String field, String problem) {
    StringBuilder b = new StringBuilder(file);
    if (line > 0) {
      b.append(':').append(line).append(':').append(column);
    }
    b.append(": ");
    if (field != null) {
      b.append(field).append(": ");
    }
    // One line, whatever the parser put into its message.
    return b.append(problem.replaceAll("\\s*\\R\\s*", " ").strip()).toString();
  }

  public String file() {
    return file;
  }

  public int line() {
    return line;
  }

  public int column() {
    return column;
  }

  public String field() {
    return field;
  }

  public String problem() {
    return problem;
  }
}
