package dev.hslab.model;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The model's packages are documented and depend one way: every package has a package-info.java
 * that says what it may use, the model refers to no other module, and no two packages use each
 * other, directly or around a longer loop.
 */
class PackageDocsTest {

  private static final Path SOURCES = Path.of("src/main/java");
  private static final Pattern REFERENCE = Pattern.compile("\\b(dev\\.hslab(?:\\.[a-z][a-z0-9]*)+)\\.[A-Z]");

  @Test
  void everyPackageSaysWhatLivesThereAndWhatItMayUse() throws IOException {
    List<String> undocumented = new ArrayList<>();
    for (Path dir : packageDirs()) {
      Path info = dir.resolve("package-info.java");
      if (!Files.exists(info) || !Files.readString(info).contains("May use:")) {
        undocumented.add(SOURCES.relativize(dir).toString());
      }
    }
    assertThat(undocumented).isEmpty();
  }

  @Test
  void theModelUsesNoOtherModule() {
    Map<String, Set<String>> uses = uses();
    uses.forEach((from, to) -> assertThat(to).as(from).allMatch(p -> p.startsWith("dev.hslab.model.")));
  }

  @Test
  void packageDependenciesPointOneWay() {
    Map<String, Set<String>> uses = uses();
    for (String start : uses.keySet()) {
      // Depth-first from start: reaching start again is a cycle.
      List<String> path = new ArrayList<>(List.of(start));
      assertThat(cycle(uses, start, path, new TreeSet<>())).as("cycle from " + start).isEmpty();
    }
  }

  private static List<String> cycle(Map<String, Set<String>> uses, String start, List<String> path, Set<String> seen) {
    for (String next : uses.getOrDefault(path.get(path.size() - 1), Set.of())) {
      if (next.equals(start)) {
        List<String> loop = new ArrayList<>(path);
        loop.add(start);
        return loop;
      }
      if (seen.add(next)) {
        path.add(next);
        List<String> found = cycle(uses, start, path, seen);
        if (!found.isEmpty()) {
          return found;
        }
        path.remove(path.size() - 1);
      }
    }
    return List.of();
  }

  /** For each package, the other dev.hslab packages its sources name (imports and qualified names). */
  private static Map<String, Set<String>> uses() {
    Map<String, Set<String>> out = new TreeMap<>();
    for (Path dir : packageDirs()) {
      String pkg = SOURCES.relativize(dir).toString().replace('/', '.');
      Set<String> to = out.computeIfAbsent(pkg, k -> new TreeSet<>());
      try (Stream<Path> files = Files.list(dir)) {
        for (Path f : files.filter(p -> p.toString().endsWith(".java")).toList()) {
          Matcher m = REFERENCE.matcher(Files.readString(f));
          while (m.find()) {
            if (!m.group(1).equals(pkg)) {
              to.add(m.group(1));
            }
          }
        }
      } catch (IOException e) {
        throw new UncheckedIOException(e);
      }
    }
    return out;
  }

  private static List<Path> packageDirs() {
    try (Stream<Path> all = Files.walk(SOURCES)) {
      return all.filter(Files::isDirectory).filter(PackageDocsTest::holdsSources).sorted().toList();
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  private static boolean holdsSources(Path dir) {
    try (Stream<Path> files = Files.list(dir)) {
      return files.anyMatch(p -> p.toString().endsWith(".java") && !p.endsWith("package-info.java"));
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
