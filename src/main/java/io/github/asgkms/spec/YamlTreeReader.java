package io.github.asgkms.spec;

import static io.github.asgkms.text.Printable.quote;

import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.exc.StreamReadException;
import io.github.asgkms.spec.YamlNode.Entry;
import io.github.asgkms.spec.YamlNode.Mapping;
import io.github.asgkms.spec.YamlNode.Scalar;
import io.github.asgkms.spec.YamlNode.Sequence;
import java.io.IOException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.error.MarkedYAMLException;

/**
 * Reads YAML text into a located {@link YamlNode} tree. It reports, all at once, what YAML
 * allows but a spec must not have: anchors, aliases, duplicate keys, several documents and
 * nesting deeper than any spec needs. A syntax error ends the reading, since nothing after it
 * can be trusted.
 */
final class YamlTreeReader {
  /** A spec is four levels deep; anything far deeper is a mistake or an attack. */
  static final int MAX_DEPTH = 16;

  private static final StrictYamlFactory FACTORY = StrictYamlFactory.create();

  private final Errors errors;

  YamlTreeReader(Errors errors) {
    this.errors = errors;
  }

  /** Returns the document's root, or null when the text is not YAML (errors say why). */
  YamlNode read(String text) {
    try (StrictYamlFactory.Parser parser = (StrictYamlFactory.Parser) FACTORY.createParser(text)) {
      JsonToken first = next(parser, SpecPath.ROOT);
      if (first == null) {
        errors.add(new Mark(1, 1), SpecPath.ROOT, "the spec is empty; expected a mapping with"
            + " version, autoScalingAccountId and keys");
        return null;
      }
      YamlNode root = readValue(parser, SpecPath.ROOT, 0);
      if (next(parser, SpecPath.ROOT) != null) {
        // Point at the second document's ---, not at its first value (or the end of the file).
        Mark start = parser.lastDocumentStart();
        errors.add(start != null ? start : mark(parser), SpecPath.ROOT,
            "a second YAML document; a spec is one document");
      }
      return root;
    } catch (SyntaxError e) {
      return null;
    } catch (IOException e) {
      errors.add(new Mark(1, 1), SpecPath.ROOT, "cannot read the YAML: " + e.getMessage());
      return null;
    }
  }

  private YamlNode readValue(StrictYamlFactory.Parser parser, SpecPath path, int depth)
      throws IOException {
    Mark mark = mark(parser);
    if (depth > MAX_DEPTH) {
      errors.add(mark, path, "nested deeper than " + MAX_DEPTH + " levels");
      throw new SyntaxError();
    }
    JsonToken token = parser.currentToken();
    if (parser.isCurrentAlias()) {
      errors.add(mark, path, "YAML aliases (*" + parser.getText()
          + ") are not allowed; write the value out");
      return new Scalar(parser.getText(), Scalar.Type.STRING, false, mark);
    }
    return switch (token) {
      case START_OBJECT -> readMapping(parser, path, depth, mark);
      case START_ARRAY -> readSequence(parser, path, depth, mark);
      case VALUE_STRING -> scalar(parser, Scalar.Type.STRING, mark);
      case VALUE_NUMBER_INT -> scalar(parser, Scalar.Type.INTEGER, mark);
      case VALUE_NUMBER_FLOAT -> scalar(parser, Scalar.Type.FLOAT, mark);
      case VALUE_TRUE, VALUE_FALSE -> scalar(parser, Scalar.Type.BOOLEAN, mark);
      case VALUE_NULL -> scalar(parser, Scalar.Type.NULL, mark);
      default -> scalar(parser, Scalar.Type.STRING, mark);
    };
  }

  private Scalar scalar(StrictYamlFactory.Parser parser, Scalar.Type type, Mark mark)
      throws IOException {
    boolean quoted = parser.isScalarQuoted();
    // A quoted scalar is a string whatever it looks like: "1" is not the number 1.
    Scalar.Type effective = quoted && type != Scalar.Type.NULL ? Scalar.Type.STRING : type;
    String text = parser.getText() == null ? "" : parser.getText();
    return new Scalar(text, effective, quoted, mark);
  }

  private Mapping readMapping(StrictYamlFactory.Parser parser, SpecPath path, int depth, Mark mark)
      throws IOException {
    List<Entry> entries = new ArrayList<>();
    Map<String, Mark> seen = new HashMap<>();
    JsonToken token;
    while ((token = next(parser, path)) == JsonToken.FIELD_NAME) {
      String key = parser.currentName();
      Mark keyMark = mark(parser);
      SpecPath valuePath = path.property(key);
      Mark first = seen.putIfAbsent(key, keyMark);
      if (first != null) {
        errors.add(keyMark, valuePath, "duplicate property " + quote(key) + " (first at line "
            + first.line() + ")");
      }
      next(parser, valuePath);
      YamlNode value = readValue(parser, valuePath, depth + 1);
      if (first == null) {
        entries.add(new Entry(key, keyMark, value));
      }
    }
    expect(token, JsonToken.END_OBJECT, parser, path);
    return new Mapping(List.copyOf(entries), mark);
  }

  private Sequence readSequence(StrictYamlFactory.Parser parser, SpecPath path, int depth, Mark mark)
      throws IOException {
    List<YamlNode> items = new ArrayList<>();
    JsonToken token;
    while ((token = next(parser, path.index(items.size()), path)) != JsonToken.END_ARRAY
        && token != null) {
      items.add(readValue(parser, path.index(items.size()), depth + 1));
    }
    expect(token, JsonToken.END_ARRAY, parser, path);
    return new Sequence(List.copyOf(items), mark);
  }

  private void expect(JsonToken actual, JsonToken expected, JsonParser parser, SpecPath path) {
    if (actual != expected) {
      errors.add(mark(parser), path, "YAML syntax error: unexpected end of the document");
      throw new SyntaxError();
    }
  }

  /** Advances, turning a parse failure into a located error and an anchor into another. */
  private JsonToken next(StrictYamlFactory.Parser parser, SpecPath path) throws IOException {
    return next(parser, path, path);
  }

  /**
   * Advances to the value at {@code path}. A syntax error is reported at {@code syntaxPath}:
   * looking for a list's next item, the error is in the list, not in an item that may not exist.
   */
  private JsonToken next(StrictYamlFactory.Parser parser, SpecPath path, SpecPath syntaxPath)
      throws IOException {
    JsonToken token;
    try {
      token = parser.nextToken();
    } catch (StreamReadException e) {
      reportSyntaxError(e, syntaxPath);
      throw new SyntaxError();
    }
    StrictYamlFactory.Anchor anchor = parser.takeAnchor();
    if (anchor != null) {
      errors.add(anchor.mark(), path, "YAML anchors (&" + anchor.name()
          + ") are not allowed; write each value out");
    }
    return token;
  }

  private void reportSyntaxError(StreamReadException e, SpecPath path) {
    Throwable cause = e.getCause();
    if (cause instanceof MarkedYAMLException yaml && yaml.getProblemMark() != null) {
      org.yaml.snakeyaml.error.Mark at = yaml.getProblemMark();
      errors.add(new Mark(at.getLine() + 1, at.getColumn() + 1), path,
          "YAML syntax error: " + problem(yaml.getProblem()) + context(yaml)
              + indentationHint(yaml.getProblem(), at.getLine() + 1));
      return;
    }
    JsonLocation at = e.getLocation();
    Mark mark = at == null ? new Mark(1, 1) : new Mark(Math.max(1, at.getLineNr()),
        Math.max(1, at.getColumnNr()));
    errors.add(mark, path, "YAML syntax error: " + oneLine(e.getOriginalMessage()));
  }

  /** SnakeYAML's problem, with its tab message (which shows a tab as \t(TAB)) made plain. */
  private static String problem(String problem) {
    if (problem != null && problem.contains("\\t(TAB)")) {
      return "a tab character where YAML expects spaces; indent with spaces, not tabs";
    }
    return oneLine(problem);
  }

  /**
   * SnakeYAML's problems when a line is indented one step too far or not far enough. Its
   * message names the parser's expectation, not the cause, which is almost always the
   * indentation of the line it points at or of the line above.
   */
  private static final List<String> INDENTATION_PROBLEMS = List.of(
      "expected <block end>", "mapping values are not allowed here",
      "could not find expected ':'", "did not find expected key",
      "did not find expected '-' indicator");

  private static String indentationHint(String problem, int line) {
    if (problem != null) {
      for (String known : INDENTATION_PROBLEMS) {
        if (problem.contains(known)) {
          return "; check the indentation of line " + line + " and of the line above it";
        }
      }
    }
    return "";
  }

  /**
   * Where the construct the error broke began, such as the opening quote of a string that is
   * never closed: the problem itself is often only found at the end of the file.
   */
  private static String context(MarkedYAMLException yaml) {
    org.yaml.snakeyaml.error.Mark at = yaml.getContextMark();
    if (yaml.getContext() == null || at == null
        || (at.getLine() == yaml.getProblemMark().getLine()
            && at.getColumn() == yaml.getProblemMark().getColumn())) {
      return "";
    }
    return " (" + oneLine(yaml.getContext()) + " that starts at line " + (at.getLine() + 1)
        + ", column " + (at.getColumn() + 1) + ")";
  }

  private static String oneLine(String message) {
    return message == null ? "unreadable YAML" : message.strip().replaceAll("\\s*\\R\\s*", " ");
  }

  private static Mark mark(JsonParser parser) {
    JsonLocation at = parser.currentTokenLocation();
    return new Mark(Math.max(1, at.getLineNr()), Math.max(1, at.getColumnNr()));
  }

  /** Ends the reading once the text can no longer be trusted; the error is already added. */
  private static final class SyntaxError extends RuntimeException {
    private static final long serialVersionUID = 1L;

    SyntaxError() {
      super(null, null, false, false);
    }
  }
}
