package dev.hslab.cli;

import com.fasterxml.jackson.databind.JsonNode;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;

/** Writing the files commands leave in {@code --out}, with one clear error when that fails. */
final class Files {

  private Files() {}

  static void createDirectory(Path dir) throws UsageException {
    try {
      java.nio.file.Files.createDirectories(dir);
    } catch (IOException e) {
      throw new UsageException("--out: cannot create directory " + dir + ": " + reason(e));
    }
    if (!java.nio.file.Files.isWritable(dir)) {
      throw new UsageException("--out: directory " + dir + " is not writable");
    }
  }

  static void writeJson(Path file, JsonNode json) throws UsageException {
    writeString(file, json.toPrettyString() + "\n");
  }

  static void writeString(Path file, String text) throws UsageException {
    if (file.getParent() != null) {
      createDirectory(file.getParent());
    }
    try {
      java.nio.file.Files.writeString(file, text, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UsageException("cannot write " + file + ": " + reason(e));
    }
  }

  private static String reason(IOException e) {
    return e.getClass().getSimpleName().replace("Exception", "") + (e.getMessage() == null ? "" : " " + e.getMessage());
  }
}
