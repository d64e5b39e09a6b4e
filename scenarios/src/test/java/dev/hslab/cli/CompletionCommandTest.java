package dev.hslab.cli;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatCode;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import dev.hslab.model.suite.KeyExchange;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;
import picocli.CommandLine;
import picocli.CommandLine.Model.OptionSpec;

/**
 * {@code hslab completion} prints a script that bash really completes with: bash sources it and
 * calls the completion function as readline would (COMP_WORDS, COMP_CWORD, COMP_LINE,
 * COMP_POINT), and COMPREPLY must hold the commands and flags of the real command tree; and a TAB
 * typed in an interactive bash and zsh completes a command and a flag.
 */
class CompletionCommandTest {

  @TempDir Path dir;

  @Test
  void bashCompletesACommandAndAFlag() throws Exception {
    Map<String, List<String>> replies = complete("hslab ru", "hslab run --ke", "hslab render --fo", "hslab ex");

    assertThat(replies.get("hslab ru")).containsExactly("run");
    assertThat(replies.get("hslab run --ke")).containsExactly("--kex");
    assertThat(replies.get("hslab render --fo")).containsExactly("--format");
    assertThat(replies.get("hslab ex")).containsExactly("explore");
  }

  /** A flag's value completes to the words its parser accepts, from the same enums. */
  @Test
  void bashCompletesTheValuesOfAFlag() throws Exception {
    Map<String, List<String>> replies = complete("hslab run --kex ", "hslab run --kex ecdhe_", "hslab sweep --version tls1.",
        "hslab run --resume ", "hslab run --transport ", "hslab run --suite TLS_ECDHE_RSA_WITH_AES_128_G");

    assertThat(replies.get("hslab run --kex ")).containsExactlyInAnyOrder(
        Arrays.stream(KeyExchange.values()).map(k -> k.name().toLowerCase(Locale.ROOT)).toArray(String[]::new));
    assertThat(replies.get("hslab run --kex ecdhe_")).containsExactlyInAnyOrder("ecdhe_rsa", "ecdhe_ecdsa", "ecdhe_psk");
    assertThat(replies.get("hslab sweep --version tls1.")).containsExactlyInAnyOrder("tls1.0", "tls1.1", "tls1.2");
    assertThat(replies.get("hslab run --resume ")).containsExactlyInAnyOrder("none", "id", "ticket");
    assertThat(replies.get("hslab run --transport ")).containsExactlyInAnyOrder("tcp", "none");
    assertThat(replies.get("hslab run --suite TLS_ECDHE_RSA_WITH_AES_128_G")).containsExactly("TLS_ECDHE_RSA_WITH_AES_128_GCM_SHA256");
    // Each offered word is one the command accepts.
    for (String k : replies.get("hslab run --kex ")) {
      ConfigOptions o = new ConfigOptions();
      o.kex = k;
      assertThatCode(o::toConfig).as(k).doesNotThrowAnyException();
    }
  }

  @Test
  void bashOffersEveryCommandAndNothingElse() throws Exception {
    List<String> commands = new ArrayList<>(Hslab.commandLine().getSubcommands().keySet());

    assertThat(complete("hslab ").get("hslab ")).containsExactlyInAnyOrderElementsOf(commands).contains("completion");
    assertThat(complete("hslab zz").get("hslab zz")).isEmpty();
    assertThat(complete("hslab run --no-such").get("hslab run --no-such")).isEmpty();
  }

  /** Every visible flag of every command completes from its full name (the script is the tree). */
  @Test
  void bashCompletesEveryVisibleFlagOfEveryCommand() throws Exception {
    Map<String, String> expected = new LinkedHashMap<>();
    for (Map.Entry<String, CommandLine> c : Hslab.commandLine().getSubcommands().entrySet()) {
      for (OptionSpec o : c.getValue().getCommandSpec().options()) {
        if (!o.hidden()) {
          expected.put("hslab " + c.getKey() + " " + o.longestName(), o.longestName());
        }
      }
    }
    assertThat(expected).containsEntry("hslab run --fault", "--fault").containsEntry("hslab completion --json", "--json");

    Map<String, List<String>> replies = complete(expected.keySet().toArray(String[]::new));

    expected.forEach((line, flag) -> assertThat(replies.get(line)).as(line).contains(flag));
  }

  /**
   * A real TAB in a real interactive shell, in bash and in zsh (through its bash-completion layer):
   * zsh's zpty module gives the shell a terminal, types {@code hslab ru<TAB> --ke<TAB><Enter>},
   * and a shell function standing in for the launcher prints the words the line editor completed.
   * CI installs zsh (.ci/run).
   */
  @ParameterizedTest
  @ValueSource(strings = {"bash --norc --noprofile -i", "zsh -f -i"})
  void tabInAnInteractiveShellCompletesACommandAndAFlag(String shell) throws Exception {
    assumeTrue(Files.isExecutable(Path.of("/usr/bin/zsh")) || Files.isExecutable(Path.of("/bin/zsh")), "zsh is not installed");
    Path script = Files.writeString(dir.resolve("hslab.sh"), script(), StandardCharsets.UTF_8);
    String setUp = (shell.startsWith("zsh") ? "autoload -U +X compinit && compinit -u; autoload -U +X bashcompinit && bashcompinit; " : "")
        + "source '" + script + "'; hslab() { echo \"ARG\"\"S[$*]\"; }";
    String driver = String.join("\n",
        "zmodload zsh/zpty",
        "zpty -b shell " + shell,
        "zpty -w shell " + zshQuote(setUp),
        "zpty -w -n shell $'hslab ru\\t --ke\\t\\n'",
        // Blocks until the function has printed (the echo of the typed definition reads ARG""S).
        "zpty -r shell out '*ARGS\\[*\\]*'",
        "out=${out##*ARGS\\[}",
        "print -r -- \"${out%%\\]*}\"",
        "zpty -d shell",
        "");
    Path driverFile = Files.writeString(dir.resolve("driver.zsh"), driver, StandardCharsets.UTF_8);
    Path stdout = dir.resolve("zsh-out.txt");
    Path stderr = dir.resolve("zsh-err.txt");
    Process p = new ProcessBuilder("zsh", "-f", driverFile.toString())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    boolean ended = p.waitFor(60, TimeUnit.SECONDS);
    if (!ended) {
      p.destroyForcibly();
    }
    assertThat(ended).as("the shell answered within 60 s").isTrue();
    assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();

    assertThat(Files.readString(stdout).strip()).isEqualTo("run --kex");
  }

  private static String zshQuote(String s) {
    return "'" + s.replace("'", "'\\''") + "'";
  }

  @Test
  void jsonHoldsTheSameScript() throws Exception {
    StringWriter out = new StringWriter();
    assertThat(Hslab.run(new String[] {"completion", "--json"}, new PrintWriter(out, true), new PrintWriter(new StringWriter(), true))).isZero();

    JsonNode doc = new ObjectMapper().readTree(out.toString());

    assertThat(doc.get("command").asText()).isEqualTo("hslab");
    assertThat(doc.get("script").asText()).isEqualTo(script());
  }

  private String script() {
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    assertThat(Hslab.run(new String[] {"completion"}, new PrintWriter(out, true), new PrintWriter(err, true))).isZero();
    assertThat(err.toString()).isEmpty();
    return out.toString();
  }

  /**
   * Runs bash once: sources the script, then for each command line (the cursor at its end) sets
   * the COMP_* variables and calls the function {@code complete -p hslab} names; one line of
   * COMPREPLY words per command line.
   */
  private Map<String, List<String>> complete(String... lines) throws IOException, InterruptedException {
    Path script = Files.writeString(dir.resolve("hslab.bash"), script(), StandardCharsets.UTF_8);
    StringBuilder driver = new StringBuilder();
    driver.append("source '").append(script).append("'\n");
    // The function bash itself would call for 'hslab' (the -F of its compspec).
    driver.append("fn=$(complete -p hslab | sed -n 's/.*-F \\([^ ]*\\).*/\\1/p')\n");
    driver.append("[ -n \"$fn\" ] || { echo 'no compspec for hslab' >&2; exit 3; }\n");
    for (String line : lines) {
      driver.append("COMP_LINE='").append(line).append("'; COMP_POINT=${#COMP_LINE}\n");
      // Words as readline splits them; a trailing space starts an empty word.
      driver.append("read -r -a COMP_WORDS <<< \"$COMP_LINE\"\n");
      if (line.endsWith(" ")) {
        driver.append("COMP_WORDS+=('')\n");
      }
      driver.append("COMP_CWORD=$((${#COMP_WORDS[@]} - 1)); COMPREPLY=()\n");
      driver.append("\"$fn\" hslab \"${COMP_WORDS[COMP_CWORD]}\" \"${COMP_WORDS[COMP_CWORD-1]}\" 2>/dev/null\n");
      driver.append("printf '%s\\t' \"${COMPREPLY[@]}\"; echo\n");
    }
    Path driverFile = Files.writeString(dir.resolve("driver.bash"), driver, StandardCharsets.UTF_8);
    Path stdout = dir.resolve("out.txt");
    Path stderr = dir.resolve("err.txt");
    Process p = new ProcessBuilder("bash", "--norc", "--noprofile", driverFile.toString())
        .redirectOutput(stdout.toFile()).redirectError(stderr.toFile()).start();
    assertThat(p.waitFor(60, TimeUnit.SECONDS)).isTrue();
    assertThat(p.exitValue()).as(Files.readString(stderr)).isZero();
    List<String> out = Files.readAllLines(stdout);
    assertThat(out).hasSize(lines.length);
    Map<String, List<String>> replies = new LinkedHashMap<>();
    for (int i = 0; i < lines.length; i++) {
      replies.put(lines[i], out.get(i).isEmpty() ? List.of() : List.of(out.get(i).split("\t")));
    }
    return replies;
  }
}
