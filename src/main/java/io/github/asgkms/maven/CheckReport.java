package io.github.asgkms.maven;

import io.github.asgkms.access.AccessFinding;
import io.github.asgkms.output.Difference;
import io.github.asgkms.output.OutputDirectory;
import java.util.ArrayList;
import java.util.List;

/**
 * The failure message of {@code check}: a count made as {@code generate} counts (the files the
 * spec generates, those that differ, those no longer generated; the manifest is bookkeeping and
 * only said to differ), each file (the user's first, the manifest last; the first
 * {@value #SHOWN}, then a count), the first differing lines of the first {@value #DIFFS} of
 * the plugin's own files, and the fix: the command the generated headers give, which writes
 * this execution's output with this execution's configuration.
 */
final class CheckReport {
  static final int SHOWN = 100;
  static final int DIFFS = 20;

  private CheckReport() {}

  /**
   * The differences, then what the access check found: each refused call or excess access,
   * naming the call, the principal and the statement.
   */
  static String describe(String outputDirectory, OutputDirectory.Comparison comparison,
      List<AccessFinding> access, String regenerateCommand) {
    StringBuilder out = new StringBuilder();
    if (!comparison.isEmpty()) {
      out.append(describe(outputDirectory, comparison, regenerateCommand));
    }
    if (!access.isEmpty()) {
      if (out.length() > 0) {
        out.append('\n');
      }
      out.append("asg-kms: the rendered output fails the access check (")
          .append(access.size() == 1 ? "1 finding" : access.size() + " findings")
          .append("):\n");
      for (AccessFinding finding : access) {
        out.append("  ").append(finding.message()).append('\n');
      }
      out.append(ACCESS_FIX);
    }
    return out.toString();
  }

  static final String ACCESS_FIX = "Each names the call, who makes it and the statement, grant"
      + " or file in question. Put back what a template override dropped, or remove what it"
      + " added; ACCESS.md shows the access the output gives.";

  /** The differences, and {@code regenerateCommand} as the way to bring them up to date. */
  static String describe(String outputDirectory, OutputDirectory.Comparison comparison,
      String regenerateCommand) {
    List<Difference> differences = comparison.differences();
    StringBuilder out = new StringBuilder("asg-kms: ")
        .append(summary(outputDirectory, comparison.fileCount(), differences)).append(":\n");
    boolean forceable = false;
    boolean inTheWay = false;
    for (int i = 0; i < differences.size(); i++) {
      Difference difference = differences.get(i);
      if (i < SHOWN) {
        out.append("  ").append(difference.kind().description()).append(": ")
            .append(difference.path()).append('\n');
      }
      switch (difference.kind()) {
        case EDITED, NOT_OWNED, STALE_EDITED -> forceable = true;
        case LINK, NOT_A_FILE, STALE_LINK, STALE_NOT_A_FILE -> inTheWay = true;
        default -> { }
      }
    }
    if (differences.size() > SHOWN) {
      out.append("  ... and ").append(differences.size() - SHOWN).append(" more\n");
    }
    int diffs = 0;
    for (Difference difference : differences) {
      if (!difference.diff().isEmpty() && diffs++ < DIFFS) {
        out.append(difference.diff());
      }
    }
    if (diffs > DIFFS) {
      out.append("(diffs of ").append(diffs - DIFFS).append(" more files not shown)\n");
    }
    out.append("Run ").append(regenerateCommand).append(" to bring them up to date.");
    if (forceable) {
      out.append(" It replaces files edited by hand or not written by the plugin only with -D")
          .append(AbstractAsgKmsMojo.FORCE_PROPERTY).append('.');
    }
    if (inTheWay) {
      out.append(" Links, folders and special files in the way must be moved first: the plugin")
          .append(" never follows or replaces them.");
    }
    return out.toString();
  }

  /**
   * "3 of 12 files in generated differ from what the spec generates, 1 is no longer generated,
   * and the manifest differs": the numbers {@code generate} then reports as written and deleted.
   */
  private static String summary(String outputDirectory, int fileCount,
      List<Difference> differences) {
    int generated = 0;
    int stale = 0;
    boolean manifest = false;
    boolean leftover = false;
    for (Difference difference : differences) {
      if (difference.kind() == Difference.Kind.LEFTOVER) {
        leftover = true;
      } else if (difference.bookkeeping()) {
        manifest = true;
      } else if (difference.kind().noLongerGenerated()) {
        stale++;
      } else {
        generated++;
      }
    }
    List<String> parts = new ArrayList<>();
    parts.add(generated + " of " + fileCount + (fileCount == 1 ? " file" : " files") + " in "
        + outputDirectory + (generated == 1 ? " differs" : " differ")
        + " from what the spec generates");
    if (stale > 0) {
      parts.add(stale + (stale == 1 ? " is" : " are") + " no longer generated");
    }
    if (leftover) {
      parts.add("an interrupted run left its staging folder");
    }
    if (manifest) {
      parts.add("the manifest differs");
    }
    if (parts.size() == 1) {
      return parts.get(0);
    }
    return String.join(", ", parts.subList(0, parts.size() - 1)) + ", and "
        + parts.get(parts.size() - 1);
  }
}
