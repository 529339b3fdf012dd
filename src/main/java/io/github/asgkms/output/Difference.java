package io.github.asgkms.output;

import java.nio.charset.StandardCharsets;

/**
 * One way an output directory differs from what the spec generates.
 *
 * @param path the file, relative to the output directory
 * @param kind how it differs
 * @param diff a unified diff of its first differing lines, for a file the plugin wrote; else
 *     empty: a file it did not write, or one behind a link, is never shown
 */
public record Difference(String path, Kind kind, String diff) implements Comparable<Difference> {

  /** How a file differs. */
  public enum Kind {
    /** The plugin's own file from an earlier run; {@code generate} replaces it. */
    CHANGED("changed"),
    /** The plugin's file, edited since it was written; {@code generate} needs force. */
    EDITED("edited by hand"),
    /** A file the plugin never wrote, at a generated path; {@code generate} needs force. */
    NOT_OWNED("not written by the plugin"),
    MISSING("missing"),
    /** The plugin's own file, no longer generated; {@code generate} deletes it. */
    STALE("stale, no longer generated"),
    /** The plugin's file, edited and no longer generated; force keeps it. */
    STALE_EDITED("edited by hand, and no longer generated"),
    /** A symbolic link at the path or on its way: never followed, never replaced. */
    LINK("a symbolic link, not followed"),
    /** As {@link #LINK}, where a file the plugin no longer generates was. */
    STALE_LINK("a symbolic link, not followed, and no longer generated"),
    /** A folder, FIFO, socket or device where a file goes, or a file where a folder goes. */
    NOT_A_FILE("not a regular file"),
    /** As {@link #NOT_A_FILE}, where a file the plugin no longer generates was. */
    STALE_NOT_A_FILE("not a regular file, and no longer generated"),
    /** A script whose bytes are right but that is not executable; {@code generate} sets it. */
    NOT_EXECUTABLE("not executable"),
    /** A file whose bytes are right but that is executable; {@code generate} clears it. */
    EXECUTABLE("executable, and should not be"),
    /** What an interrupted {@code generate} left; the next one finishes or undoes it. */
    LEFTOVER("left by an interrupted run");

    private final String description;

    Kind(String description) {
      this.description = description;
    }

    public String description() {
      return description;
    }

    /** Whether it is about a file the spec no longer generates. */
    public boolean noLongerGenerated() {
      return this == STALE || this == STALE_EDITED || this == STALE_LINK
          || this == STALE_NOT_A_FILE;
    }
  }

  /**
   * Whether it is about the plugin's bookkeeping (the manifest, or what an interrupted run
   * left) rather than a file of the output.
   */
  public boolean bookkeeping() {
    return kind == Kind.LEFTOVER || path.equals(Manifest.FILE_NAME);
  }

  static Difference of(String path, Kind kind) {
    return new Difference(path, kind, "");
  }

  /** A difference with a diff of the plugin's own file as it is on disk. */
  static Difference withDiff(Kind kind, GeneratedFile file, byte[] onDisk) {
    if (onDisk == null) {
      return of(file.path(), kind);
    }
    String diff = UnifiedDiff.of(new String(onDisk, StandardCharsets.UTF_8), file.text(),
        file.path() + " (on disk)", file.path() + " (generated)");
    return new Difference(file.path(), kind, diff);
  }

  /** The user's files first, by path; then what an interrupted run left; the manifest last. */
  @Override
  public int compareTo(Difference other) {
    int rank = Integer.compare(rank(), other.rank());
    return rank != 0 ? rank : path.compareTo(other.path);
  }

  private int rank() {
    return path.equals(Manifest.FILE_NAME) ? 2 : kind == Kind.LEFTOVER ? 1 : 0;
  }
}
