package dev.hslab.model.handshake;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;

/** Conjunctions of guards in a canonical order, so rows compare and render stably. */
final class Guards {

  private Guards() {}

  static List<Guard> canonical(List<Guard> guards) {
    List<Guard> sorted = new ArrayList<>(guards);
    sorted.sort(Comparator.naturalOrder());
    for (int i = 1; i < sorted.size(); i++) {
      if (sorted.get(i) == sorted.get(i - 1)) {
        throw new IllegalArgumentException("duplicate guard " + sorted.get(i));
      }
    }
    return List.copyOf(sorted);
  }

  static boolean all(List<Guard> guards, Facts facts) {
    for (Guard g : guards) {
      if (!g.test(facts)) {
        return false;
      }
    }
    return true;
  }

  static String label(List<Guard> guards) {
    StringBuilder b = new StringBuilder();
    for (Guard g : guards) {
      b.append(b.length() == 0 ? "" : ", ").append(g.label());
    }
    return b.toString();
  }
}
