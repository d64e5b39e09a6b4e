package dev.hslab.model.engine;

import dev.hslab.model.handshake.Emit;
import dev.hslab.model.handshake.MessageKind;
import dev.hslab.model.handshake.Transition;
import dev.hslab.model.handshake.TransitionTable;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/** Which kinds a table sends only under a guard: the bracketed messages of RFC 5246 §7.3. */
final class Optionality {

  private static final Map<TransitionTable<?>, Set<MessageKind>> CACHE = new ConcurrentHashMap<>();

  private Optionality() {}

  static boolean optional(TransitionTable<?> sender, MessageKind kind) {
    return CACHE.computeIfAbsent(sender, Optionality::compute).contains(kind);
  }

  private static Set<MessageKind> compute(TransitionTable<?> table) {
    Set<MessageKind> out = EnumSet.noneOf(MessageKind.class);
    for (Transition<?> t : table.rows()) {
      for (Emit e : t.emits()) {
        if (e.optional()) {
          out.add(e.kind());
        }
      }
    }
    return out;
  }
}
