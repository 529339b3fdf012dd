package io.github.asgkms.spec;

/** Where a value sits in the spec, written as users write it: {@code keys[2].arn}. */
public record SpecPath(String text) {
  public static final SpecPath ROOT = new SpecPath("");

  public SpecPath property(String name) {
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
