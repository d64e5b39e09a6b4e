package dev.hslab.output.diagram;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.eclipsesource.v8.V8;
import java.io.IOException;
import java.io.InputStream;
import java.nio.ByteBuffer;
import java.nio.ByteOrder;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * J2V8's library loads without the JVM's stack-guard warning. The judge is HotSpot itself: a fresh
 * JVM (the test's class path, no {@code -XX:-PrintWarnings}) renders a picture with the embedded
 * engine and must print nothing on stderr, while a fresh JVM that lets J2V8 load its own copy
 * prints the warning (or, on glibc 2.41 and later, cannot load it at all).
 */
class J2v8LibraryTest {

  private static final String WARNING = "might have disabled stack guard";

  @Test
  void theCopyDiffersFromJ2v8sLibraryOnlyInTheStackHeaderFlags() throws IOException {
    byte[] original = j2v8Library();
    byte[] copy = J2v8Library.withoutExecutableStack(original);

    assertThat(stackFlags(original)).isEqualTo("RWE");
    assertThat(stackFlags(copy)).isEqualTo("RW");
    List<Integer> changed = new ArrayList<>();
    for (int i = 0; i < original.length; i++) {
      if (original[i] != copy[i]) {
        changed.add(i);
      }
    }
    assertThat(changed).hasSize(1);
    assertThat(J2v8Library.withoutExecutableStack(copy)).isEqualTo(copy);
  }

  @Test
  void refusesWhatIsNotA64BitElfFileWithAStackHeader() {
    assertThatThrownBy(() -> J2v8Library.withoutExecutableStack("#!/bin/sh\n".repeat(10).getBytes(StandardCharsets.US_ASCII)))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("ELF");
    byte[] noHeaders = new byte[64];
    System.arraycopy(new byte[] {0x7f, 'E', 'L', 'F', 2, 1}, 0, noHeaders, 0, 6);
    assertThatThrownBy(() -> J2v8Library.withoutExecutableStack(noHeaders))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("PT_GNU_STACK");
  }

  @Test
  void aFreshJvmRendersWithTheEmbeddedEngineAndPrintsNothingOnStderr(@TempDir Path dir) throws Exception {
    Child child = java(dir, Render.class, dir.toString());

    assertThat(child.stdout()).startsWith("<?xml").contains("</svg>");
    assertThat(child.stderr()).isEmpty();
    assertThat(child.exit()).isZero();
    try (var files = Files.list(dir)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .anyMatch(n -> n.matches("libj2v8_linux_x86_64-[0-9a-f]{16}\\.so"))
          .noneMatch(n -> n.equals(J2v8Library.RESOURCE));
    }
  }

  /**
   * Native code is loaded only from a folder that is ours alone: a new one is made {@code rwx------},
   * one others may write to is not used for the copy (J2V8 then loads its own, as before).
   */
  @Test
  void theCopyGoesOnlyInAFolderNoOtherUserCanWrite(@TempDir Path dir) throws Exception {
    Path fresh = dir.resolve("fresh");
    assertThat(java(dir, Render.class, fresh.toString()).exit()).isZero();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(fresh))).isEqualTo("rwx------");

    Path shared = Files.createDirectory(dir.resolve("shared"));
    Files.setPosixFilePermissions(shared, PosixFilePermissions.fromString("rwxrwxrwx"));
    assertThat(java(dir, Render.class, shared.toString()).exit()).isZero();
    try (var files = Files.list(shared)) {
      assertThat(files.map(p -> p.getFileName().toString()))
          .noneMatch(n -> n.matches("libj2v8_linux_x86_64-[0-9a-f]{16}\\.so"));
    }
  }

  /** A relative folder (the tests' target/j2v8) works too: System.load takes only absolute paths. */
  @Test
  void aRelativeFolderIsResolvedAgainstTheWorkingDirectory(@TempDir Path dir) throws Exception {
    Path relative = Path.of("").toAbsolutePath().relativize(dir.resolve("lib"));
    assertThat(relative.isAbsolute()).isFalse();

    Child child = java(dir, Render.class, relative.toString());

    assertThat(child.stderr()).isEmpty();
    assertThat(child.exit()).isZero();
  }

  /** The control: without the copy, this JVM does warn, so the test above can fail. */
  @Test
  void aFreshJvmLettingJ2v8LoadItsOwnCopyWarns(@TempDir Path dir) throws Exception {
    Child child = java(dir, LoadOwnCopy.class, dir.toString());

    assertThat(child.stderr()).satisfiesAnyOf(
        e -> assertThat(e).contains(WARNING).contains(J2v8Library.RESOURCE),
        e -> assertThat(e).contains("executable stack"));
  }

  private static Child java(Path dir, Class<?> main, String... args) throws IOException, InterruptedException {
    List<String> cmd = new ArrayList<>(List.of(Path.of(System.getProperty("java.home"), "bin", "java").toString(),
        "-Djava.awt.headless=true", "-cp", System.getProperty("java.class.path"), main.getName()));
    cmd.addAll(List.of(args));
    Path out = dir.resolve("stdout.txt");
    Path err = dir.resolve("stderr.txt");
    Process p = new ProcessBuilder(cmd).redirectOutput(out.toFile()).redirectError(err.toFile()).start();
    assertThat(p.waitFor(120, TimeUnit.SECONDS)).as("the child JVM ends").isTrue();
    return new Child(p.exitValue(), Files.readString(out), Files.readString(err));
  }

  private record Child(int exit, String stdout, String stderr) {}

  /** Renders one graph with the embedded engine, its library under the folder given. */
  static final class Render {
    public static void main(String[] args) {
      try (Renderer r = Renderer.open(RenderOptions.defaults().withEngine(RenderOptions.Engine.EMBEDDED)
          .withEmbeddedLibraryDir(Path.of(args[0])))) {
        System.out.print(new String(r.render("digraph { a -> b }", Format.SVG), java.nio.charset.StandardCharsets.UTF_8));
      }
    }
  }

  /** J2V8 on its own, as before: extracts and loads its library from the folder given. */
  static final class LoadOwnCopy {
    public static void main(String[] args) {
      V8.createV8Runtime(null, args[0]).release();
    }
  }

  private static byte[] j2v8Library() throws IOException {
    try (InputStream in = V8.class.getResourceAsStream("/" + J2v8Library.RESOURCE)) {
      assertThat(in).as("J2V8's Linux x86_64 library on the class path").isNotNull();
      return in.readAllBytes();
    }
  }

  /** The flags of the PT_GNU_STACK program header as readelf shows them ({@code RW}, {@code RWE}). */
  private static String stackFlags(byte[] elf) {
    ByteBuffer b = ByteBuffer.wrap(elf).order(ByteOrder.LITTLE_ENDIAN);
    long phoff = b.getLong(0x20);
    int size = Short.toUnsignedInt(b.getShort(0x36));
    for (int i = 0; i < Short.toUnsignedInt(b.getShort(0x38)); i++) {
      int at = (int) (phoff + (long) i * size);
      if (b.getInt(at) == J2v8Library.PT_GNU_STACK) {
        int f = b.getInt(at + 4);
        return ((f & 4) != 0 ? "R" : "") + ((f & 2) != 0 ? "W" : "") + ((f & 1) != 0 ? "E" : "");
      }
    }
    return "none";
  }
}
