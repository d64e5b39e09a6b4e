package dev.hslab.cli;

import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import dev.hslab.model.handshake.Side;
import dev.hslab.real.tcp.BridgedConnection;
import java.io.PrintWriter;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;

/**
 * The account of every connection {@code hslab serve} accepted, kept as counts so that serving
 * a million connections holds no more memory than serving ten: the first {@link #DETAILED}
 * connections in full (for the JSON), and for each failure reason its count and first detail.
 * Connections end on worker threads, so every method is synchronized.
 */
final class ServeSummary {

  /** How many connections the JSON lists in full. */
  static final int DETAILED = 100;

  private final List<ObjectNode> detailed = new ArrayList<>();
  private final Map<String, Integer> failedByReason = new TreeMap<>();
  private final Map<String, String> firstDetail = new TreeMap<>();
  private int ended;
  private int established;
  private int resumed;
  private int succeeded;

  synchronized void add(BridgedConnection o) {
    ended++;
    if (o.negotiated().isPresent()) {
      established++;
      if (o.negotiated().get().resumed()) {
        resumed++;
      }
    }
    if (o.succeeded()) {
      succeeded++;
    } else {
      failedByReason.merge(o.reason(), 1, Integer::sum);
      firstDetail.putIfAbsent(o.reason(), o.detail());
    }
    if (detailed.size() < DETAILED) {
      detailed.add(BridgeJson.outcome(o, Side.SERVER));
    }
  }

  synchronized int failed() {
    return ended - succeeded;
  }

  synchronized int ended() {
    return ended;
  }

  /**
   * The summary: {@code accepted} (TCP connections taken from the listen queue) equals
   * {@code succeeded + failed} when every connection is accounted for; {@code established} counts
   * completed handshakes (a connection can establish and still fail, e.g. time out later).
   */
  synchronized ObjectNode json(int port, int accepted, double seconds, ProcessResources before,
      ProcessResources after) {
    ObjectNode doc = BridgeJson.JSON.createObjectNode();
    doc.put("port", port);
    doc.put("accepted", accepted);
    doc.put("ended", ended);
    doc.put("established", established);
    doc.put("resumed", resumed);
    doc.put("succeeded", succeeded);
    doc.put("failed", failed());
    ObjectNode reasons = doc.putObject("failedByReason");
    failedByReason.forEach(reasons::put);
    ObjectNode examples = doc.putObject("failureExamples");
    firstDetail.forEach(examples::put);
    doc.put("seconds", Math.round(seconds * 1000) / 1000.0);
    ObjectNode res = doc.putObject("resources");
    resources(res.putObject("before"), before);
    resources(res.putObject("after"), after);
    ArrayNode fresh = res.putArray("newThreads");
    after.newThreadsSince(before).forEach(fresh::add);
    doc.put("connectionsListed", detailed.size());
    ArrayNode conns = doc.putArray("connections");
    detailed.forEach(conns::add);
    return doc;
  }

  synchronized void print(PrintWriter w, int accepted, double seconds, ProcessResources before,
      ProcessResources after) {
    w.printf("served %d connections in %.1f s: %d accepted, %d established (%d resumed), %d succeeded, %d failed%n",
        ended, seconds, accepted, established, resumed, succeeded, failed());
    if (!failedByReason.isEmpty()) {
      w.println("failed by reason:");
      failedByReason.forEach((r, n) -> w.printf("%7d  %-40s e.g. %s%n", n, r, firstDetail.get(r)));
    }
    List<String> fresh = after.newThreadsSince(before);
    w.printf("resources before -> after: threads %d -> %d%s, sockets %s -> %s, open files %s -> %s%n",
        before.threads().size(), after.threads().size(), fresh.isEmpty() ? "" : " (new: " + String.join(", ", fresh) + ")",
        known(before.sockets()), known(after.sockets()), known(before.fds()), known(after.fds()));
  }

  private static void resources(ObjectNode n, ProcessResources r) {
    n.put("threads", r.threads().size());
    n.put("sockets", r.sockets());
    n.put("fds", r.fds());
    n.put("heapBytes", r.heapBytes());
  }

  private static String known(int n) {
    return n < 0 ? "?" : Integer.toString(n);
  }
}
