package dev.hslab.cli;

import java.io.IOException;
import java.lang.management.ManagementFactory;
import java.lang.management.ThreadInfo;
import java.nio.file.DirectoryStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;

/**
 * What this JVM holds at one moment, to show that serving connections leaves nothing behind: live
 * Java threads, open sockets and open file descriptors (from {@code /proc/self/fd}; -1 where there
 * is no /proc), and the heap in use.
 *
 * @param threads the names of the live Java threads, sorted (the JVM's own GC and compiler threads
 *     are not Java threads: they come and go with load and hold nothing of a connection)
 * @param sockets open socket descriptors, -1 without /proc
 * @param fds all open descriptors (jar files opened by class loading included), -1 without /proc
 * @param heapBytes heap in use, after asking for a collection
 */
record ProcessResources(List<String> threads, int sockets, int fds, long heapBytes) {

  ProcessResources {
    threads = List.copyOf(threads);
  }

  /** The threads alive now that were not before: what a leak of threads would show. */
  List<String> newThreadsSince(ProcessResources before) {
    List<String> left = new ArrayList<>(before.threads);
    List<String> fresh = new ArrayList<>();
    for (String t : threads) {
      if (!left.remove(t)) {
        fresh.add(t);
      }
    }
    return fresh;
  }

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
    List<String> names = new ArrayList<>();
    for (ThreadInfo t : ManagementFactory.getThreadMXBean().dumpAllThreads(false, false, 0)) {
      names.add(t.getThreadName());
    }
    Collections.sort(names);
    return new ProcessResources(names, sockets, fds, rt.totalMemory() - rt.freeMemory());
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
