package io.github.asgkms.output;

import java.nio.charset.StandardCharsets;

/**
 * One way an output directory differs from what the spec generates.
 *
 * @param path the file, relative to the output directory
 * @param kind how it differs
 * @param diff a unified diff of its first differing lines, for a changed file; else empty
 */
public record Difference(String path, Kind kind, String diff) implements Comparable<Difference> {

  /** How a file differs. */
  public enum Kind {
    CHANGED("changed"),
    MISSING("missing"),
    STALE("stale, no longer generated");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }
  }

  static Difference missing(GeneratedFile file) {
    return new Difference(file.path(), Kind.MISSING, "");
  }

  static Difference stale(String path) {
    return new Difference(path, Kind.STALE, "");
  }

  static Difference changed(GeneratedFile file, byte[] onDisk) {
    String diff = UnifiedDiff.of(new String(onDisk, StandardCharsets.UTF_8), file.text(),
        file.path() + " (on disk)", file.path() + " (generated)");
    return new Difference(file.path(), Kind.CHANGED, diff);
  }

  @Override
  public int compareTo(Difference other) {
    return path.compareTo(other.path);
  }
}
