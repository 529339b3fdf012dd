package io.github.asgkms.maven;

import io.github.asgkms.output.Difference;
import java.util.List;

/** The failure message of {@code check}: every file, its first differing lines, the fix. */
final class CheckReport {
  static final String FIX = "mvn asg-kms:generate";

  private CheckReport() {}

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
