package io.github.asgkms.output;

import java.io.IOException;
import java.nio.file.Path;
import java.util.List;

/**
 * The output directory holds files the plugin may not overwrite or delete, so the run wrote
 * nothing at all. The message names the first {@value #SHOWN} and counts the rest.
 */
public final class OutputConflictException extends IOException {
  private static final long serialVersionUID = 1L;
  /** A report names at most this many files, then says how many more there are. */
  public static final int SHOWN = 100;

  private final transient Path directory;
  private final transient List<Conflict> conflicts;

  OutputConflictException(Path directory, List<Conflict> conflicts) {
    super(describe(directory.toString(), conflicts));
    this.directory = directory;
    this.conflicts = List.copyOf(conflicts);
  }

  public Path directory() {
    return directory;
  }

  public List<Conflict> conflicts() {
    return conflicts;
  }

  /** Whether every conflict would give way to {@link WriteOptions#force}. */
  public boolean allForceable() {
    for (Conflict conflict : conflicts) {
      if (!conflict.forceable()) {
        return false;
      }
    }
    return true;
  }

  /** The report, with the directory as the caller names it. */
  public static String describe(String directory, List<Conflict> conflicts) {
    int count = conflicts.size();
    StringBuilder out = new StringBuilder()
        .append(count == 1 ? "1 file" : count + " files").append(" in ").append(directory)
        .append(count == 1 ? " is" : " are")
        .append(" not the plugin's to overwrite or delete, so nothing was written:");
    for (int i = 0; i < Math.min(count, SHOWN); i++) {
      out.append("\n  ").append(conflicts.get(i));
    }
    if (count > SHOWN) {
      out.append("\n  ... and ").append(count - SHOWN).append(" more");
    }
    return out.toString();
  }
}
