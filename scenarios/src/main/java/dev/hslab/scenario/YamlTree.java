package dev.hslab.scenario;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import dev.hslab.scenario.YamlNode.Position;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Set;

/**
 * Reads one YAML document into a {@link YamlNode} tree with positions, using Jackson's streaming
 * YAML parser (whose locations carry line and column). Syntax errors, duplicate keys, aliases
 * and extra documents become one-line {@link ScenarioException}s.
 */
final class YamlTree {

  private static final YAMLFactory FACTORY = new YAMLFactory();

  private final String file;
  private final YAMLParser parser;

  private YamlTree(String file, YAMLParser parser) {
    this.file = file;
    this.parser = parser;
  }

  /** Parses {@code text}; {@code file} is the name errors give. */
  static YamlNode parse(String file, String text) throws ScenarioException {
    try (YAMLParser p = FACTORY.createParser(text)) {
      YamlTree t = new YamlTree(file, p);
      JsonToken first = p.nextToken();
      if (first == null) {
        throw new ScenarioException(file, 0, 0, null, "the file is empty (expected a mapping such as 'name: ...')");
      }
      YamlNode root = t.node(first);
      JsonToken extra = p.nextToken();
      if (extra != null) {
        Position at = t.here();
        throw new ScenarioException(file, at.line(), at.column(), null,
            "a second YAML document: a scenario file holds exactly one");
      }
      return root;
    } catch (JsonProcessingException e) {
      throw syntax(file, e);
    } catch (IOException e) {
      throw new ScenarioException(file, 0, 0, null, "cannot read: " + e.getMessage());
    }
  }

  private YamlNode node(JsonToken t) throws IOException, ScenarioException {
    Position at = here();
    if (parser.isCurrentAlias()) {
      // Jackson hands an alias over as its anchor's name, which would silently become a value.
      throw new ScenarioException(file, at.line(), at.column(), null,
          "YAML aliases (*" + parser.getText() + ") are not supported in scenario files");
    }
    return switch (t) {
      case START_OBJECT -> mapping(at);
      case START_ARRAY -> sequence(at);
      case VALUE_STRING -> new YamlNode.Scalar(at, YamlNode.Scalar.Type.TEXT, parser.getText());
      case VALUE_NUMBER_INT -> new YamlNode.Scalar(at, YamlNode.Scalar.Type.INTEGER, parser.getText());
      case VALUE_NUMBER_FLOAT -> new YamlNode.Scalar(at, YamlNode.Scalar.Type.DECIMAL, parser.getText());
      case VALUE_TRUE -> new YamlNode.Scalar(at, YamlNode.Scalar.Type.BOOLEAN, "true");
      case VALUE_FALSE -> new YamlNode.Scalar(at, YamlNode.Scalar.Type.BOOLEAN, "false");
      case VALUE_NULL -> new YamlNode.Scalar(at, YamlNode.Scalar.Type.NULL, "");
      default -> throw new ScenarioException(file, at.line(), at.column(), null, "unsupported YAML content " + t);
    };
  }

  private YamlNode mapping(Position at) throws IOException, ScenarioException {
    List<YamlNode.Entry> entries = new ArrayList<>();
    Set<String> seen = new HashSet<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_OBJECT; t = parser.nextToken()) {
      Position keyAt = here();
      String key = parser.currentName();
      if (!seen.add(key)) {
        throw new ScenarioException(file, keyAt.line(), keyAt.column(), null, "duplicate key '" + key + "'");
      }
      entries.add(new YamlNode.Entry(key, keyAt, node(parser.nextToken())));
    }
    return new YamlNode.Mapping(at, entries);
  }

  private YamlNode sequence(Position at) throws IOException, ScenarioException {
    List<YamlNode> items = new ArrayList<>();
    for (JsonToken t = parser.nextToken(); t != JsonToken.END_ARRAY; t = parser.nextToken()) {
      items.add(node(t));
    }
    return new YamlNode.Sequence(at, items);
  }

  private Position here() {
    JsonLocation l = parser.currentTokenLocation();
    return new Position(l.getLineNr(), l.getColumnNr());
  }

  /** SnakeYAML's problem and its mark, on one line: {@code x.yaml:2:2: YAML syntax: expected ...}. */
  private static ScenarioException syntax(String file, JsonProcessingException e) {
    int line = 0;
    int column = 0;
    String problem = e.getOriginalMessage();
    if (e.getCause() instanceof org.yaml.snakeyaml.error.MarkedYAMLException m && m.getProblemMark() != null) {
      line = m.getProblemMark().getLine() + 1;
      column = m.getProblemMark().getColumn() + 1;
      problem = m.getProblem() + (m.getContext() == null ? "" : " (" + m.getContext() + ")");
    } else if (e.getLocation() != null) {
      line = e.getLocation().getLineNr();
      column = e.getLocation().getColumnNr();
      problem = problem.lines().findFirst().orElse(problem);
    }
    return new ScenarioException(file, Math.max(line, 0), Math.max(column, 0), null, "YAML syntax: " + problem);
  }
}
