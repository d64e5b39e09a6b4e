package dev.hslab.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * What this JVM holds at one moment, to show that serving connections leaves nothing behind: live
 * Java threads, open sockets and open file descriptors (from {@code /proc/self/fd}; -1 where there
 * is no /proc), and the heap in use.
 *
 * @param threads live Java threads (the JVM's own GC and compiler threads are not counted: they
 *     come and go with load and hold nothing of a connection)
 * @param sockets open socket descriptors, -1 without /proc
 * @param fds all open descriptors (jar files opened by class loading included), -1 without /proc
 * @param heapBytes heap in use, after asking for a collection
 */
record ProcessResources(int threads, int sockets, int fds, long heapBytes) {

  private static final Path FDS = Path.of("/proc/self/fd");

  static ProcessResources now() {
    int sockets = -1;
    int fds = -1;
    if (Files.isDirectory(FDS)) {
      sockets = 0;
      fds = 0;
      try (DirectoryStream<Path> d = Files.newDirectoryStream(FDS)) {
        for (Path fd : d) {
          fds++;
          if (link(fd).startsWith("socket:")) {
            sockets++;
          }
        }
      } catch (IOException e) {
        sockets = -1;
        fds = -1;
      }
    }
    // A hint, not a guarantee: the heap figure is rough, and is reported, never compared exactly.
    System.gc();
    Runtime rt = Runtime.getRuntime();
    return new ProcessResources(ManagementFactory.getThreadMXBean().getThreadCount(), sockets, fds,
        rt.totalMemory() - rt.freeMemory());
  }

  /** The descriptor's target; the listing's own descriptor is gone by the time it is read. */
  private static String link(Path fd) {
    try {
      return Files.readSymbolicLink(fd).toString();
    } catch (IOException e) {
      return "";
    }
  }
}
