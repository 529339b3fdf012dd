package io.github.asgkms.render;

import freemarker.core.CommonMarkupOutputFormat;
import freemarker.core.CommonTemplateMarkupOutputModel;
import java.io.IOException;
import java.io.Writer;
import java.util.List;
import java.util.function.UnaryOperator;

/**
 * A Freemarker output format that escapes every interpolated value for one target syntax.
 * Templates write the quotes; the format makes the value safe between them.
 */
final class EscapingOutputFormat extends CommonMarkupOutputFormat<EscapingOutputFormat.Text> {
  static final EscapingOutputFormat HCL =
      new EscapingOutputFormat("HCLString", "text/x-hcl", Escapes::hcl);
  static final EscapingOutputFormat JSON =
      new EscapingOutputFormat("JSONString", "application/json", Escapes::json);
  static final EscapingOutputFormat YAML =
      new EscapingOutputFormat("YAMLString", "application/yaml", Escapes::yaml);
  /** Shell values are whole words: the format adds the quotes when a value needs them. */
  static final EscapingOutputFormat SHELL =
      new EscapingOutputFormat("ShellWord", "text/x-shellscript", Escapes::shell);

  /** ACCESS.md: plain Markdown text, escaped so that no value can change the table. */
  static final EscapingOutputFormat MARKDOWN =
      new EscapingOutputFormat("MarkdownText", "text/markdown", Escapes::markdown);

  static final List<EscapingOutputFormat> ALL = List.of(HCL, JSON, YAML, SHELL, MARKDOWN);

  private final String name;
  private final String mimeType;
  private final UnaryOperator<String> escaper;

  private EscapingOutputFormat(String name, String mimeType, UnaryOperator<String> escaper) {
    this.name = name;
    this.mimeType = mimeType;
    this.escaper = escaper;
  }

  @Override
  public String getName() {
    return name;
  }

  @Override
  public String getMimeType() {
    return mimeType;
  }

  @Override
  public void output(String textToEscape, Writer out) throws IOException {
    out.write(escaper.apply(textToEscape));
  }

  @Override
  public String escapePlainText(String plainTextContent) {
    return escaper.apply(plainTextContent);
  }

  @Override
  public boolean isLegacyBuiltInBypassed(String builtInName) {
    return false;
  }

  @Override
  protected Text newTemplateMarkupOutputModel(String plainTextContent, String markupContent) {
    return new Text(plainTextContent, markupContent, this);
  }

  /** Text already escaped for, or to be escaped by, its format. */
  static final class Text extends CommonTemplateMarkupOutputModel<Text> {
    private final EscapingOutputFormat format;

    Text(String plainTextContent, String markupContent, EscapingOutputFormat format) {
      super(plainTextContent, markupContent);
      this.format = format;
    }

    @Override
    public CommonMarkupOutputFormat<Text> getOutputFormat() {
      return format;
    }
  }
}
