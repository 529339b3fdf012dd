package io.github.asgkms.spec;

import com.fasterxml.jackson.core.io.IOContext;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactoryBuilder;
import com.fasterxml.jackson.dataformat.yaml.YAMLParser;
import java.io.IOException;
import java.io.Reader;
import org.yaml.snakeyaml.DumperOptions;
import org.yaml.snakeyaml.LoaderOptions;
import org.yaml.snakeyaml.events.AliasEvent;
import org.yaml.snakeyaml.events.DocumentStartEvent;
import org.yaml.snakeyaml.events.Event;
import org.yaml.snakeyaml.events.NodeEvent;
import org.yaml.snakeyaml.events.ScalarEvent;

/**
 * A YAML factory whose parser also reports what Jackson's token stream hides: anchors on
 * scalars and keys, and whether a scalar was quoted. The spec refuses anchors and aliases
 * outright, because Jackson would otherwise read {@code *x} as the string "x".
 */
final class StrictYamlFactory extends YAMLFactory {
  private static final long serialVersionUID = 1L;

  StrictYamlFactory(YAMLFactoryBuilder builder) {
    super(builder);
  }

  static StrictYamlFactory create() {
    LoaderOptions options = new LoaderOptions();
    options.setAllowDuplicateKeys(true); // the tree reader reports duplicates itself, located
    options.setMaxAliasesForCollections(0);
    options.setNestingDepthLimit(YamlTreeReader.MAX_DEPTH + 8);
    options.setCodePointLimit(SpecReader.MAX_BYTES + 1);
    options.setProcessComments(false);
    YAMLFactoryBuilder builder =
        YAMLFactory.builder()
            .loaderOptions(options)
            .enable(YAMLParser.Feature.PARSE_BOOLEAN_LIKE_WORDS_AS_STRINGS)
            .enable(YAMLParser.Feature.EMPTY_STRING_AS_NULL);
    return new StrictYamlFactory(builder);
  }

  @Override
  protected YAMLParser _createParser(Reader reader, IOContext context) throws IOException {
    return new Parser(context, _parserFeatures, _yamlParserFeatures, _loaderOptions, reader);
  }

  /** Jackson's YAML parser, watching the events it reads. */
  static final class Parser extends YAMLParser {
    private Anchor pendingAnchor;
    private Mark lastDocumentStart;
    private boolean lastScalarQuoted;

    Parser(IOContext context, int features, int yamlFeatures, LoaderOptions options, Reader reader) {
      super(context, features, yamlFeatures, options, null, reader);
    }

    @Override
    protected Event getEvent() throws IOException {
      Event event = super.getEvent();
      // An alias is a NodeEvent too, whose "anchor" is the name it refers to: it is not an
      // anchor, and the tree reader reports it as an alias.
      if (event instanceof NodeEvent node
          && !(event instanceof AliasEvent)
          && node.getAnchor() != null
          && pendingAnchor == null) {
        pendingAnchor = new Anchor(node.getAnchor(), markOf(event));
      }
      if (event instanceof DocumentStartEvent) {
        lastDocumentStart = markOf(event);
      }
      if (event instanceof ScalarEvent scalar) {
        lastScalarQuoted = scalar.getScalarStyle() != DumperOptions.ScalarStyle.PLAIN;
      }
      return event;
    }

    /** An anchor read since the last call, or null. */
    Anchor takeAnchor() {
      Anchor anchor = pendingAnchor;
      pendingAnchor = null;
      return anchor;
    }

    /** Where the last document began: its {@code ---}, or its first token if it has none. */
    Mark lastDocumentStart() {
      return lastDocumentStart;
    }

    private static Mark markOf(Event event) {
      return new Mark(event.getStartMark().getLine() + 1, event.getStartMark().getColumn() + 1);
    }

    boolean isScalarQuoted() {
      return currentToken() != null && currentToken().isScalarValue() && lastScalarQuoted;
    }
  }

  /** An anchor ({@code &name}) and where it stands. */
  record Anchor(String name, Mark mark) {}
}
