package io.github.asgkms.maven;

import io.github.asgkms.output.Difference;
import java.util.List;

/**
 * The failure message of {@code check}: each file (the first {@value #SHOWN}, then a count),
 * the first differing lines of the first {@value #DIFFS} of the plugin's own files, and the
 * fix.
 */
final class CheckReport {
  static final String FIX = "mvn asg-kms:generate";
  static final int SHOWN = 100;
  static final int DIFFS = 20;

  private CheckReport() {}

  static String describe(String outputDirectory, List<Difference> differences) {
    boolean one = differences.size() == 1;
    StringBuilder out = new StringBuilder("asg-kms: ")
        .append(one ? "1 file" : differences.size() + " files")
        .append(" in ").append(outputDirectory)
        .append(one ? " differs" : " differ").append(" from what the spec generates:\n");
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
        case LINK, NOT_A_FILE -> inTheWay = true;
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
    out.append("Run ").append(FIX).append(" to bring them up to date.");
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
}
