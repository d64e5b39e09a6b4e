package dev.hslab.model.explore;

import java.util.ArrayList;
import java.util.Arrays;
import java.util.Collections;
import java.util.List;

/**
 * Parent pointers (TLC's {@code TLCTrace}): for each state id, the id it was first reached from
 * and the move that reached it. Breadth-first order makes the chain back to the initial state a
 * shortest one. Ids are dense and given in discovery order.
 */
final class TraceStore {

  private int[] parents = new int[1 << 7];
  private int[] moves = new int[1 << 7];
  private int size;

  /** Records a new state; returns its id. */
  int add(int parent, int move) {
    if (size == parents.length) {
      parents = Arrays.copyOf(parents, size * 2);
      moves = Arrays.copyOf(moves, size * 2);
    }
    parents[size] = parent;
    moves[size] = move;
    return size++;
  }

  int size() {
    return size;
  }

  int parent(int id) {
    return parents[id];
  }

  int move(int id) {
    return moves[id];
  }

  /** The moves from the initial state to {@code id}, in order. */
  List<Move> movesTo(int id) {
    List<Move> out = new ArrayList<>();
    for (int i = id; parents[i] >= 0; i = parents[i]) {
      out.add(Move.decode(moves[i]));
    }
    Collections.reverse(out);
    return out;
  }
}
