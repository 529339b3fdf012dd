package io.github.asgkms.render;

import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.stream.Collectors;

/** The output formats, each rendered into its own folder of the output directory. */
public enum Format {
  TERRAFORM("terraform", new TerraformLayout()),
  JSON("json", new JsonLayout()),
  CLOUDFORMATION("cloudformation", new CloudFormationLayout());

  private final String id;
  private final Layout layout;

  Format(String id, Layout layout) {
    this.id = id;
    this.layout = layout;
  }

  public String id() {
    return id;
  }

  /** Whether this build can render the format yet. */
  public boolean isAvailable() {
    return layout != null;
  }

  Layout layout() {
    return layout;
  }

  public static Optional<Format> fromId(String id) {
    String wanted = id.strip().toLowerCase(Locale.ROOT);
    return Arrays.stream(values()).filter(f -> f.id.equals(wanted)).findFirst();
  }

  public static String ids() {
    return Arrays.stream(values()).map(Format::id).collect(Collectors.joining(", "));
  }

  /** The formats this build renders, so that an error never offers one it does not. */
  public static String availableIds() {
    return Arrays.stream(values()).filter(Format::isAvailable).map(Format::id)
        .collect(Collectors.joining(", "));
  }
}
