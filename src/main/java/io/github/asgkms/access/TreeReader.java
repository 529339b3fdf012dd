package io.github.asgkms.access;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonLocation;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.core.StreamReadFeature;
import com.fasterxml.jackson.core.exc.StreamReadException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import com.fasterxml.jackson.core.io.IOContext;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.CollectionStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * Reads rendered JSON and YAML into {@link DocNode} trees with Jackson's streaming parsers,
 * the ones the plugin bundles. Duplicate keys, aliases and several documents are errors:
 * each would leave some statement's meaning in doubt.
 */
final class TreeReader {
  private static final JsonFactory JSON = JsonFactory.builder()
      .enable(StreamReadFeature.STRICT_DUPLICATE_DETECTION).build();
  private static final int MAX_DEPTH = 64;

  private TreeReader() {}

  static DocNode json(String file, String text) throws DocumentException {
    try (JsonParser parser = JSON.createParser(text)) {
      return read(parser, file, false);
    } catch (StreamReadException e) {
      throw new DocumentException(file + location(e.getLocation()), "not JSON: "
          + e.getOriginalMessage());
    } catch (IOException e) {
      throw new DocumentException(file, "cannot read: " + e.getMessage());
    }
  }

  static DocNode yaml(String file, String text) throws DocumentException {
    try (TaggedYamlParser parser = TaggedYamlFactory.INSTANCE.createTagged(text)) {
      return read(parser, file, true);
    } catch (StreamReadException e) {
      throw new DocumentException(file + location(e.getLocation()), "not YAML: "
          + e.getOriginalMessage().strip().replaceAll("\\s*\\R\\s*", " "));
    } catch (IOException e) {
      throw new DocumentException(file, "cannot read: " + e.getMessage());
    }
  }

  private static DocNode read(JsonParser parser, String file, boolean yaml)
      throws IOException, DocumentException {
    if (parser.nextToken() == null) {
      throw new DocumentException(file, "empty");
    }
    DocNode root = value(parser, file, yaml, 0);
    if (parser.nextToken() != null) {
      throw new DocumentException(file + location(parser.currentTokenLocation()),
          "more than one document");
    }
    return root;
  }

  private static DocNode value(JsonParser parser, String file, boolean yaml, int depth)
      throws IOException, DocumentException {
    String where = file + location(parser.currentTokenLocation());
    if (depth > MAX_DEPTH) {
      throw new DocumentException(where, "nested deeper than " + MAX_DEPTH + " levels");
    }
    String tag = yaml ? ((TaggedYamlParser) parser).currentTag() : null;
    if (yaml && ((TaggedYamlParser) parser).isCurrentAlias()) {
      throw new DocumentException(where, "a YAML alias; the model reads no aliases");
    }
    JsonToken token = parser.currentToken();
    switch (token) {
      case START_OBJECT -> {
        Map<String, DocNode> entries = new LinkedHashMap<>();
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String key = parser.currentName();
          String keyWhere = file + location(parser.currentTokenLocation());
          parser.nextToken();
          DocNode child = value(parser, file, yaml, depth + 1);
          if (entries.put(key, child) != null) {
            throw new DocumentException(keyWhere, "duplicate key '" + key + "'");
          }
        }
        return new DocNode.Mapping(entries, tag, where);
      }
      case START_ARRAY -> {
        List<DocNode> items = new ArrayList<>();
        while (parser.nextToken() != JsonToken.END_ARRAY) {
          items.add(value(parser, file, yaml, depth + 1));
        }
        return new DocNode.Sequence(items, tag, where);
      }
      case VALUE_NULL -> {
        return new DocNode.Scalar(null, tag, where);
      }
      default -> {
        return new DocNode.Scalar(parser.getText(), tag, where);
      }
    }
  }

  private static String location(JsonLocation at) {
    return at == null ? "" : ":" + Math.max(1, at.getLineNr()) + ":" + Math.max(1,
        at.getColumnNr());
  }

  /** Jackson's YAML factory, its parser keeping each node's tag. */
  private static final class TaggedYamlFactory extends YAMLFactory {
    private static final long serialVersionUID = 1L;
    static final TaggedYamlFactory INSTANCE = create();

    TaggedYamlFactory(YAMLFactoryBuilder builder) {
      super(builder);
    }

    static TaggedYamlFactory create() {
      LoaderOptions options = new LoaderOptions();
      options.setAllowDuplicateKeys(true); // the tree reader reports them, located
      options.setMaxAliasesForCollections(0);
      options.setProcessComments(false);
      // Booleans stay the words they are; YAML 1.1's yes/no/on/off are not booleans in the
      // documents CloudFormation reads either (it takes true and false).
      return new TaggedYamlFactory(YAMLFactory.builder().loaderOptions(options)
          .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS));
    }

    TaggedYamlParser createTagged(String text) throws IOException {
      return (TaggedYamlParser) createParser(text);
    }

    @Override
    protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
      return new TaggedYamlParser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions,
          reader);
    }

    @Override
    public YAMLParser createParser(String content) throws IOException {
      return _createParser(new StringReader(content), _createContext(
          _createContentReference(content), true));
    }
  }

  /** Jackson's YAML parser, remembering the tag of the node it is at. */
  private static final class TaggedYamlParser extends YAMLParser {
    private String lastTag;

    TaggedYamlParser(IOContext context, int features, int yamlFeatures, LoaderOptions options,
        Reader reader) {
      super(context, features, yamlFeatures, options, null, reader);
    }

    @Override
    protected Event getEvent() throws IOException {
      Event event = super.getEvent();
      if (event instanceof ScalarEvent scalar) {
        lastTag = scalar.getTag();
      } else if (event instanceof CollectionStartEvent collection) {
        lastTag = collection.getTag();
      } else if (!(event instanceof AliasEvent)) {
        lastTag = null;
      }
      return event;
    }

    /** The current node's explicit tag, or null; YAML's own (tag:yaml.org,2002:) are none. */
    String currentTag() {
      return lastTag == null || lastTag.startsWith("tag:yaml.org,2002:") ? null : lastTag;
    }
  }
}
