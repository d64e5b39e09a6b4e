package dev.hslab.cli;

import java.io.IOException;
import java.io.InputStream;
import java.io.PrintWriter;
import java.util.Properties;
import java.util.concurrent.Callable;
import picocli.CommandLine;
import picocli.CommandLine.Command;

/**
 * The {@code hslab} command line: parses and delegates (docs/cli.md). Exit codes: 0 did what was
 * asked, 1 the handshake failed or a check did not match, 2 bad usage or bad input.
 */
@Command(
    name = "hslab",
    mixinStandardHelpOptions = true,
    versionProvider = Hslab.Version.class,
    description = "Handshake Lab: simulates, model-checks, fault-injects and draws the SSL/TLS handshake.",
    subcommands = {DemoCommand.class, RunCommand.class, ExploreCommand.class, DeviateCommand.class, FaultsCommand.class,
        CheckCommand.class, RenderCommand.class, ConnectCommand.class, ServeCommand.class, LoadCommand.class,
        ConformCommand.class, LearnCommand.class, SweepCommand.class, FindingsCommand.class,
        BenchCommand.class, CompletionCommand.class},
    exitCodeListHeading = "%nExit codes:%n",
    exitCodeList = {
      "0:did what was asked",
      "1:the handshake failed, a check did not match, or a violation was found",
      "2:bad usage or bad input"
    })
public final class Hslab implements Callable<Integer> {

  public static final int OK = 0;
  public static final int FAILED = 1;
  public static final int USAGE = 2;

  @CommandLine.Spec CommandLine.Model.CommandSpec spec;

  /** With no command, {@code hslab} is {@code hslab demo} (docs/cli.md). */
  @Override
  public Integer call() throws Exception {
    CommandLine demo = spec.commandLine().getSubcommands().get("demo");
    return demo.execute();
  }

  public static void main(String[] args) {
    System.exit(run(args, new PrintWriter(System.out, true), new PrintWriter(System.err, true)));
  }

  /** Runs the command line with the given streams; the tests call this instead of {@link #main}. */
  public static int run(String[] args, PrintWriter out, PrintWriter err) {
    CommandLine cl = commandLine();
    cl.setOut(out);
    cl.setErr(err);
    return cl.execute(args);
  }

  static CommandLine commandLine() {
    CommandLine cl = new CommandLine(new Hslab());
    // One clear line for bad usage, never a stack trace (docs/cli.md: exit code 2).
    cl.setParameterExceptionHandler(
        (ex, args) -> {
          ex.getCommandLine().getErr().println("hslab: " + ex.getMessage());
          ex.getCommandLine().getErr().println("Try 'hslab --help' for usage.");
          return USAGE;
        });
    cl.setExecutionExceptionHandler(
        (ex, c, parsed) -> {
          if (ex instanceof UsageException) {
            String where = c.getParent() == null ? "hslab" : "hslab " + c.getCommandName();
            c.getErr().println(where + ": " + ex.getMessage());
            return USAGE;
          }
          c.getErr().println("hslab: internal error: " + ex);
          return FAILED;
        });
    return cl;
  }

  /** Reads the version Maven filtered into {@code hslab-version.properties}. */
  static final class Version implements CommandLine.IVersionProvider {
    @Override
    public String[] getVersion() throws IOException {
      Properties p = new Properties();
      try (InputStream in = Hslab.class.getResourceAsStream("/hslab-version.properties")) {
        if (in != null) {
          p.load(in);
        }
      }
      return new String[] {
        "hslab " + p.getProperty("version", "unknown"),
        "Java " + System.getProperty("java.version") + " (" + System.getProperty("java.vm.name") + ")"
      };
    }
  }
}
