package io.github.asgkms.render;

import io.github.asgkms.aws.GrantManager;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.List;
import java.util.Locale;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Collectors;

/** The output formats, each rendered into its own folder of the output directory. */
public enum Format {
  TERRAFORM("terraform", "tf", TerraformLayout::new),
  JSON("json", "json", JsonLayout::new),
  CLOUDFORMATION("cloudformation", "yaml", CloudFormationLayout::new);

  private final String id;
  private final String keyPolicyExtension;
  private final Layout layout;

  /**
   * @param keyPolicyExtension the extension of each key's policy file
   * @param layout the format's layout, given the format, whose ID and extension it names its
   *     files by (see {@link OutputPaths}); it keeps the format and reads it only when it
   *     renders, by when the format is whole
   */
  Format(String id, String keyPolicyExtension, Function<Format, Layout> layout) {
    this.id = id;
    this.keyPolicyExtension = keyPolicyExtension;
    this.layout = layout.apply(this);
  }

  public String id() {
    return id;
  }

  String keyPolicyExtension() {
    return keyPolicyExtension;
  }

  Layout layout() {
    return layout;
  }

  /** The format that holds the grant manager's artifact: the grants or the script. */
  public static Format managing(GrantManager manager) {
    return switch (manager) {
      case TERRAFORM -> TERRAFORM;
      case CLOUDFORMATION -> CLOUDFORMATION;
      case CLI -> JSON;
    };
  }

  // A plain loop: this runs on every build, up to date or not, where no stream is worth its
  // start-up.
  public static Optional<Format> fromId(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    for (Format format : values()) {
      if (format.id.equals(wanted)) {
        return Optional.of(format);
      }
    }
    return Optional.empty();
  }

  /** The access tables' template, which every format's account folders share. */
  public static final String ACCESS_TEMPLATE = "ACCESS.md.ftl";
  /** What the formats' templates say alike, which each format's lib.ftl imports. */
  static final String COMMON_LIBRARY = "common.ftl";

  /** Every built-in template of every format, by path under /templates, sorted. */
  public static List<String> builtInTemplates() {
    List<String> templates = new ArrayList<>();
    templates.add(ACCESS_TEMPLATE);
    templates.add(COMMON_LIBRARY);
    for (Format format : values()) {
      templates.addAll(format.layout.templates());
    }
    templates.sort(null);
    return templates;
  }

  public static String ids() {
    return Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", "));
  }
}
