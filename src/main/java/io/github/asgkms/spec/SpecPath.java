package io.github.asgkms.spec;

import io.github.asgkms.text.Printable;
import java.util.regex.Pattern;

/** Where a value sits in the spec, written as users write it: {@code keys[2].arn}. */
public record SpecPath(String text) {
  public static final SpecPath ROOT = new SpecPath("");
  private static final Pattern PLAIN_NAME = Pattern.compile("[A-Za-z0-9_-]+");

  /** A property; a name that is not a plain word is shown quoted, so it cannot fake a path. */
  public SpecPath property(String name) {
    if (!PLAIN_NAME.matcher(name).matches()) {
      return new SpecPath(text + "[" + Printable.quote(name) + "]");
    }
    return new SpecPath(text.isEmpty() ? name : text + "." + name);
  }

  public SpecPath index(int index) {
    return new SpecPath(text + "[" + index + "]");
  }

  @Override
  public String toString() {
    return text.isEmpty() ? "(document)" : text;
  }
}
