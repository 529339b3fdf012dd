package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import javax.xml.parsers.DocumentBuilderFactory;
import org.junit.jupiter.api.Test;
import org.w3c.dom.Document;
import org.w3c.dom.Element;
import org.w3c.dom.Node;
import org.w3c.dom.NodeList;

/**
 * {@code docs/plugin-reference.md} is the plugin descriptor that maven-plugin-plugin writes from
 * the mojos' annotations and javadoc, as Markdown: goals, their phases, and each parameter with
 * its type, default, user property and {@code @since}. This test renders it from the
 * descriptor of this build and fails when the committed file differs; run with
 * {@code -Dgolden.update=true} to rewrite it, then review the diff.
 */
class PluginReferenceTest {
  private static final Path DESCRIPTOR = Path.of("target/classes/META-INF/maven/plugin.xml");
  private static final Path REFERENCE = Path.of("docs/plugin-reference.md");

  @Test
  void theCommittedReferenceMatchesThePluginDescriptor() throws Exception {
    String rendered = render(DocumentBuilderFactory.newInstance().newDocumentBuilder()
        .parse(DESCRIPTOR.toFile()));
    if (Boolean.getBoolean("golden.update")) {
      Files.createDirectories(REFERENCE.getParent());
      Files.writeString(REFERENCE, rendered);
    }
    assertThat(REFERENCE).as("docs/plugin-reference.md; rewrite with -Dgolden.update=true")
        .exists();
    assertThat(Files.readString(REFERENCE)).isEqualTo(rendered);
  }

  private static String render(Document descriptor) {
    Element plugin = descriptor.getDocumentElement();
    StringBuilder out = new StringBuilder();
    out.append("# Plugin reference\n\n")
        .append("Generated from the plugin descriptor by `PluginReferenceTest`; do not edit.\n\n")
        .append("`").append(text(plugin, "groupId")).append(':')
        .append(text(plugin, "artifactId")).append("`, goal prefix `")
        .append(text(plugin, "goalPrefix")).append("`. Requires Maven ")
        .append(text(plugin, "requiredMavenVersion")).append(" and Java ")
        .append(text(plugin, "requiredJavaVersion")).append(".\n");
    for (Element mojo : children(child(plugin, "mojos"), "mojo")) {
      String goal = text(mojo, "goal");
      out.append("\n## `").append(text(plugin, "goalPrefix")).append(':').append(goal)
          .append("`\n\n").append(markdown(text(mojo, "description"))).append("\n\n");
      String phase = text(mojo, "phase");
      out.append("- Default phase: ").append(phase.isEmpty() ? "none" : "`" + phase + "`")
          .append('\n');
      if (!text(mojo, "since").isEmpty()) {
        out.append("- Since: ").append(text(mojo, "since")).append('\n');
      }
      out.append("- Thread-safe: ").append(text(mojo, "threadSafe")).append('\n');
      List<String[]> rows = new ArrayList<>();
      Element configuration = child(mojo, "configuration");
      for (Element parameter : children(child(mojo, "parameters"), "parameter")) {
        if (!"true".equals(text(parameter, "editable"))) {
          continue; // read-only values that Maven injects
        }
        String name = text(parameter, "name");
        Element setting = configuration == null ? null : child(configuration, name);
        String property = setting == null ? "" : setting.getTextContent().strip();
        String defaultValue = setting == null ? "" : setting.getAttribute("default-value");
        rows.add(new String[] {"`" + name + "`", "`" + simpleType(text(parameter, "type")) + "`",
            defaultValue.isEmpty() ? "" : "`" + defaultValue + "`",
            property.startsWith("${") ? "`" + property.substring(2, property.length() - 1) + "`"
                : "",
            text(parameter, "since"), cell(markdown(text(parameter, "description")))});
      }
      if (!rows.isEmpty()) {
        out.append("\n| Parameter | Type | Default | User property | Since | Description |\n")
            .append("|---|---|---|---|---|---|\n");
        for (String[] row : rows) {
          out.append("| ").append(String.join(" | ", row)).append(" |\n");
        }
      }
    }
    return out.toString();
  }

  /**
   * The descriptor's HTML as Markdown text on one line: code spans kept, layout tags dropped,
   * and anything else that looks like a tag, such as {@code <goal-name>}, kept as text.
   */
  private static String prose(String html) {
    return html.replaceAll("(?s)<code>(.*?)</code>", "`$1`")
        .replaceAll("</?(?:p|br|a|ul|ol|li|em|strong|i|b|pre|div|span)\\b[^>]*>", " ")
        .replace("&lt;", "<").replace("&gt;", ">").replace("&quot;", "\"").replace("&amp;", "&")
        .replaceAll("\\s+", " ").strip();
  }

  /**
   * The descriptor's HTML as Markdown. Markdown would read a bare {@code <goal-name>} as HTML,
   * so angle brackets are escaped outside code spans.
   */
  private static String markdown(String html) {
    String[] parts = prose(html).split("`", -1);
    for (int i = 0; i < parts.length; i += 2) {
      parts[i] = parts[i].replace("<", "\\<");
    }
    return String.join("`", parts);
  }

  private static String cell(String text) {
    return text.replace("|", "\\|");
  }

  private static String simpleType(String type) {
    return type.substring(type.lastIndexOf('.') + 1);
  }

  private static String text(Element parent, String name) {
    Element element = child(parent, name);
    return element == null ? "" : element.getTextContent().strip();
  }

  private static Element child(Element parent, String name) {
    List<Element> found = children(parent, name);
    return found.isEmpty() ? null : found.get(0);
  }

  private static List<Element> children(Element parent, String name) {
    List<Element> found = new ArrayList<>();
    NodeList nodes = parent.getChildNodes();
    for (int i = 0; i < nodes.getLength(); i++) {
      Node node = nodes.item(i);
      if (node instanceof Element element && element.getTagName().equals(name)) {
        found.add(element);
      }
    }
    return found;
  }
}
