package dev.hslab.scenario;

import java.util.List;
import java.util.Optional;

/**
 * A YAML document as a tree that remembers where each node was written, so that every error can
 * name the file, line and column (Jackson's own tree forgets positions).
 */
sealed interface YamlNode {

  /** Line and column from 1, where the node (or a mapping entry's key) starts. */
  record Position(int line, int column) {}

  Position position();

  /** What this node is, for "expected X, got Y" messages. */
  String kind();

  /** A mapping in file order; keys are unique (the reader rejects duplicates). */
  record Mapping(Position position, List<Entry> entries) implements YamlNode {
    public Mapping {
      entries = List.copyOf(entries);
    }

    public Optional<Entry> get(String key) {
      return entries.stream().filter(e -> e.key().equals(key)).findFirst();
    }

    @Override
    public String kind() {
      return "a mapping";
    }
  }

  /** One {@code key: value} of a mapping, positioned at the key. */
  record Entry(String key, Position position, YamlNode value) {}

  record Sequence(Position position, List<YamlNode> items) implements YamlNode {
    public Sequence {
      items = List.copyOf(items);
    }

    @Override
    public String kind() {
      return "a list";
    }
  }

  /** A scalar with the type YAML resolved for it: text, integer, decimal, boolean or null. */
  record Scalar(Position position, Type type, String text) implements YamlNode {
    enum Type {
      TEXT,
      INTEGER,
      DECIMAL,
      BOOLEAN,
      NULL
    }

    @Override
    public String kind() {
      return switch (type) {
        case TEXT -> "text '" + text + "'";
        case INTEGER -> "the integer " + text;
        case DECIMAL -> "the number " + text;
        case BOOLEAN -> "the boolean " + text;
        case NULL -> "nothing";
      };
    }
  }
}
