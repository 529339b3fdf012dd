package io.github.asgkms.maven;

import io.github.asgkms.access.AccessFinding;
import io.github.asgkms.output.Difference;
import java.util.List;

/** The failure message of {@code check}: every file, its first differing lines, the fix. */
final class CheckReport {
  static final String FIX = "mvn asg-kms:generate";

  private CheckReport() {}

  /**
   * The differences, then what the access check found: each refused call or excess access,
   * naming the call, the principal and the statement.
   */
  static String describe(String outputDirectory, List<Difference> differences,
      List<AccessFinding> access) {
    StringBuilder out = new StringBuilder();
    if (!differences.isEmpty()) {
      out.append(describe(outputDirectory, differences));
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

  static String describe(String outputDirectory, List<Difference> differences) {
    boolean one = differences.size() == 1;
    StringBuilder out = new StringBuilder("asg-kms: ")
        .append(one ? "1 file" : differences.size() + " files")
        .append(" in ").append(outputDirectory)
        .append(one ? " differs" : " differ").append(" from what the spec generates:\n");
    for (Difference difference : differences) {
      out.append("  ").append(difference.kind().description()).append(": ")
          .append(difference.path()).append('\n');
    }
    for (Difference difference : differences) {
      out.append(difference.diff());
    }
    return out.append("Run ").append(FIX).append(" to bring them up to date.").toString();
  }
}
