package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import picocli.CommandLine;
import picocli.CommandLine.Model.CommandSpec;
import picocli.CommandLine.Model.OptionSpec;
import picocli.CommandLine.Model.PositionalParamSpec;

/**
 * docs/cli.md describes every command, flag and positional parameter of the real {@code hslab}
 * command tree, and its flag tables name no flag that does not exist. The convention (stated at
 * the top of docs/cli.md): each command has a section headed {@code ### hslab NAME} running to the
 * next {@code ##}/{@code ###} heading; in it every option name (aliases and hidden options too)
 * appears in backticks, alone or followed by a space or {@code =}, and every positional parameter
 * by its label; every flag-table row (a line starting {@code | `-}) names only that command's options.
 */
class CliDocsCoverageTest {

  /** Surefire runs in the module's directory ({@code scenarios/}); the docs are beside it. */
  private static final Path DOC = Path.of("..", "docs", "cli.md");

  private static final Pattern HEADING = Pattern.compile("^### (hslab(?: [a-z][a-z0-9-]*)*)\\s*$");
  private static final Pattern BACKTICKED = Pattern.compile("`([^`]+)`");

  @Test
  void everyCommandFlagAndParameterOfHslabIsDescribedInCliMd() throws IOException {
    List<String> missing = undocumented(Hslab.commandLine(), sections(Files.readString(DOC, StandardCharsets.UTF_8)));

    assertThat(missing).as("commands, flags or parameters of hslab that " + DOC + " does not describe").isEmpty();
  }

  @Test
  void flagTablesOfCliMdNameOnlyFlagsThatExist() throws IOException {
    List<String> unknown = unknownInTables(Hslab.commandLine(), sections(Files.readString(DOC, StandardCharsets.UTF_8)));

    assertThat(unknown).as("flags or sections in " + DOC + " that hslab does not have").isEmpty();
  }

  /** The check itself can fail: the real docs with one flag's row and one command's heading removed. */
  @Test
  void namesAFlagAndACommandThatTheDocsLeaveOut() throws IOException {
    String doc = Files.readString(DOC, StandardCharsets.UTF_8);
    String withoutWorkers = doc.lines().filter(l -> !l.startsWith("| `--workers")).reduce("", (a, l) -> a + l + "\n");
    String withoutLoad = doc.replace("### hslab load\n", "#### load\n");
    assertThat(withoutWorkers).isNotEqualTo(doc);
    assertThat(withoutLoad).isNotEqualTo(doc);

    assertThat(undocumented(Hslab.commandLine(), sections(withoutWorkers))).containsExactly("hslab serve: --workers");
    assertThat(undocumented(Hslab.commandLine(), sections(withoutLoad))).containsExactly("hslab load: no section '### hslab load'");
    assertThat(unknownInTables(Hslab.commandLine(), sections(doc.replace("| `--quiet`", "| `--silent`"))))
        .containsExactly("hslab serve: the table names --silent, which the command does not have");
  }

  /** What the docs' sections leave out, one line each: {@code hslab serve: --workers}. */
  static List<String> undocumented(CommandLine root, Map<String, String> sections) {
    List<String> missing = new ArrayList<>();
    for (CommandSpec spec : commands(root)) {
      String name = spec.qualifiedName();
      String section = sections.get(name);
      if (section == null) {
        missing.add(name + ": no section '### " + name + "'");
        continue;
      }
      for (OptionSpec o : spec.options()) {
        for (String n : o.names()) {
          if (!mentions(section, n)) {
            missing.add(name + ": " + n);
          }
        }
      }
      for (PositionalParamSpec p : spec.positionalParameters()) {
        if (!mentions(section, p.paramLabel())) {
          missing.add(name + ": parameter " + p.paramLabel());
        }
      }
    }
    return missing;
  }

  /** Sections for commands that do not exist, and flag-table rows naming flags their command lacks. */
  static List<String> unknownInTables(CommandLine root, Map<String, String> sections) {
    Map<String, CommandSpec> byName = new LinkedHashMap<>();
    commands(root).forEach(s -> byName.put(s.qualifiedName(), s));
    List<String> unknown = new ArrayList<>();
    sections.forEach((name, text) -> {
      CommandSpec spec = byName.get(name);
      if (spec == null) {
        unknown.add(name + ": a section for a command hslab does not have");
        return;
      }
      for (String line : text.split("\n")) {
        if (!line.startsWith("| `-")) {
          continue;
        }
        String row = line.replace("\\|", "/");
        int end = row.indexOf('|', 1);
        String firstCell = row.substring(1, end < 0 ? row.length() : end);
        Matcher m = BACKTICKED.matcher(firstCell);
        while (m.find()) {
          String flag = m.group(1).split("[ =]", 2)[0];
          if (flag.startsWith("-") && spec.findOption(flag) == null) {
            unknown.add(name + ": the table names " + flag + ", which the command does not have");
          }
        }
      }
    });
    return unknown;
  }

  /** The root and every subcommand below it, each once (an alias maps to the same command). */
  private static List<CommandSpec> commands(CommandLine root) {
    Set<CommandSpec> out = new LinkedHashSet<>();
    collect(root, out);
    return new ArrayList<>(out);
  }

  private static void collect(CommandLine cl, Set<CommandSpec> out) {
    if (out.add(cl.getCommandSpec())) {
      cl.getSubcommands().values().forEach(sub -> collect(sub, out));
    }
  }

  /** {@code `NAME`}, {@code `NAME VALUE`} or {@code `NAME=VALUE`}; a table's escaped {@code \|} reads as {@code |}. */
  private static boolean mentions(String section, String name) {
    return Pattern.compile("`" + Pattern.quote(name) + "[` =]").matcher(section.replace("\\|", "|")).find();
  }

  /** Heading text ({@code hslab serve}) to the section's text, up to the next ## or ### heading. */
  static Map<String, String> sections(String doc) {
    Map<String, String> out = new LinkedHashMap<>();
    String current = null;
    StringBuilder text = new StringBuilder();
    for (String line : doc.split("\n", -1)) {
      if (line.startsWith("## ") || line.startsWith("### ")) {
        if (current != null) {
          out.put(current, text.toString());
        }
        Matcher h = HEADING.matcher(line);
        current = h.matches() ? h.group(1) : null;
        text.setLength(0);
      } else if (current != null) {
        text.append(line).append('\n');
      }
    }
    if (current != null) {
      out.put(current, text.toString());
    }
    return out;
  }
}
