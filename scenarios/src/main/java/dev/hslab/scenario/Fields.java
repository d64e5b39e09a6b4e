package dev.hslab.scenario;

import dev.hslab.scenario.YamlNode.Position;
import dev.hslab.scenario.YamlNode.Scalar;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Strict, typed reading of one YAML mapping of a scenario file: every value is checked for its
 * type, every key against the allowed ones, and every error names the file, the position and the
 * dotted field ({@code client.kex}); a check across fields points at the field it names.
 */
final class Fields {

  /** A list item with where it was written and its field name ({@code expect.sequence[3]}, from 1). */
  record Item<T>(T value, String field, Position position) {}

  private final String file;
  private final String prefix;
  private final YamlNode.Mapping mapping;

  private Fields(String file, String prefix, YamlNode.Mapping mapping) {
    this.file = file;
    this.prefix = prefix;
    this.mapping = mapping;
  }

  /** The document's root, which must be a mapping. */
  static Fields root(String file, YamlNode root) throws ScenarioException {
    if (!(root instanceof YamlNode.Mapping m)) {
      throw new ScenarioException(file, root.position().line(), root.position().column(), null,
          "expected a mapping of fields (name:, client:, server:, network:, expect:), got " + root.kind());
    }
    return new Fields(file, "", m);
  }

  String name(String key) {
    return prefix + key;
  }

  Position position() {
    return mapping.position();
  }

  /** Rejects any key not in {@code allowed} (listed in the error in the given order). */
  void allow(List<String> allowed) throws ScenarioException {
    for (YamlNode.Entry e : mapping.entries()) {
      if (!allowed.contains(e.key())) {
        throw error(e.position(), name(e.key()), "unknown field (allowed: " + String.join(", ", allowed) + ")");
      }
    }
  }

  boolean has(String key) {
    return mapping.get(key).isPresent();
  }

  /** Where {@code key} was written, or this mapping's position when it was left out. */
  Position positionOf(String key) {
    return mapping.get(key).map(YamlNode.Entry::position).orElse(mapping.position());
  }

  ScenarioException error(String key, String problem) {
    return error(positionOf(key), name(key), problem);
  }

  ScenarioException error(Position at, String field, String problem) {
    return new ScenarioException(file, at.line(), at.column(), field, problem);
  }

  Optional<String> text(String key) throws ScenarioException {
    Optional<Scalar> s = scalar(key, Scalar.Type.TEXT, "text");
    return s.map(Scalar::text);
  }

  String requiredText(String key, String hint) throws ScenarioException {
    return text(key).orElseThrow(() -> error(key, "missing (" + hint + ")"));
  }

  Optional<Long> integer(String key) throws ScenarioException {
    Optional<Scalar> s = scalar(key, Scalar.Type.INTEGER, "a whole number");
    if (s.isEmpty()) {
      return Optional.empty();
    }
    try {
      return Optional.of(Long.parseLong(s.get().text()));
    } catch (NumberFormatException e) {
      throw error(key, "expected a whole number that fits in 64 bits, got " + s.get().text());
    }
  }

  Optional<Boolean> bool(String key) throws ScenarioException {
    return scalar(key, Scalar.Type.BOOLEAN, "true or false").map(s -> Boolean.parseBoolean(s.text()));
  }

  /** A number; a whole number is accepted too ({@code loss: 0}). */
  Optional<Double> number(String key) throws ScenarioException {
    Optional<YamlNode> n = value(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get() instanceof Scalar s && (s.type() == Scalar.Type.INTEGER || s.type() == Scalar.Type.DECIMAL)) {
      return Optional.of(Double.parseDouble(s.text()));
    }
    throw error(key, "expected a number, got " + n.get().kind());
  }

  /** The raw value, for fields that take more than one type; null values are an error. */
  Optional<YamlNode> value(String key) throws ScenarioException {
    Optional<YamlNode.Entry> e = mapping.get(key);
    if (e.isEmpty()) {
      return Optional.empty();
    }
    if (e.get().value() instanceof Scalar s && s.type() == Scalar.Type.NULL) {
      throw error(key, "has no value");
    }
    return Optional.of(e.get().value());
  }

  Optional<Fields> mapping(String key) throws ScenarioException {
    Optional<YamlNode> n = value(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (!(n.get() instanceof YamlNode.Mapping m)) {
      throw error(key, "expected a mapping of fields, got " + n.get().kind());
    }
    return Optional.of(new Fields(file, name(key) + ".", m));
  }

  /** A list of text items, each with its position and field name. */
  Optional<List<Item<String>>> texts(String key) throws ScenarioException {
    Optional<List<Item<YamlNode>>> items = items(key);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<Item<String>> out = new ArrayList<>();
    for (Item<YamlNode> i : items.get()) {
      if (!(i.value() instanceof Scalar s) || s.type() != Scalar.Type.TEXT) {
        throw error(i.position(), i.field(), "expected text, got " + i.value().kind());
      }
      out.add(new Item<>(s.text(), i.field(), i.position()));
    }
    return Optional.of(out);
  }

  /** A list of mappings, each as its own {@link Fields}. */
  Optional<List<Fields>> mappings(String key) throws ScenarioException {
    Optional<List<Item<YamlNode>>> items = items(key);
    if (items.isEmpty()) {
      return Optional.empty();
    }
    List<Fields> out = new ArrayList<>();
    for (Item<YamlNode> i : items.get()) {
      if (!(i.value() instanceof YamlNode.Mapping m)) {
        throw error(i.position(), i.field(), "expected a mapping of fields, got " + i.value().kind());
      }
      out.add(new Fields(file, i.field() + ".", m));
    }
    return Optional.of(out);
  }

  private Optional<List<Item<YamlNode>>> items(String key) throws ScenarioException {
    Optional<YamlNode> n = value(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (!(n.get() instanceof YamlNode.Sequence seq)) {
      throw error(key, "expected a list, got " + n.get().kind());
    }
    List<Item<YamlNode>> out = new ArrayList<>();
    for (int i = 0; i < seq.items().size(); i++) {
      YamlNode item = seq.items().get(i);
      out.add(new Item<>(item, name(key) + "[" + (i + 1) + "]", item.position()));
    }
    return Optional.of(out);
  }

  /** A text value that must be one of {@code allowed}'s keys (shown in the error in order). */
  <E> Optional<E> choice(String key, Map<String, E> allowed) throws ScenarioException {
    Optional<String> t = text(key);
    if (t.isEmpty()) {
      return Optional.empty();
    }
    E e = allowed.get(t.get());
    if (e == null) {
      throw error(key, "unknown value '" + t.get() + "' (allowed: " + String.join(", ", allowed.keySet()) + ")");
    }
    return Optional.of(e);
  }

  private Optional<Scalar> scalar(String key, Scalar.Type type, String expected) throws ScenarioException {
    Optional<YamlNode> n = value(key);
    if (n.isEmpty()) {
      return Optional.empty();
    }
    if (n.get() instanceof Scalar s && s.type() == type) {
      return Optional.of(s);
    }
    throw error(key, "expected " + expected + ", got " + n.get().kind());
  }
}
