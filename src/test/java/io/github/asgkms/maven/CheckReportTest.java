package io.github.asgkms.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.output.Difference;
import io.github.asgkms.output.OutputDirectory;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

/** check's failure message stays readable however many files differ. */
class CheckReportTest {
  private static final String COMMAND = "mvn asg-kms:generate";

  @Test
  void namesTheFirstHundredFilesShowsTwentyDiffsAndCountsTheRest() {
    List<Difference> differences = new ArrayList<>();
    for (int i = 0; i < 250; i++) {
      String path = String.format("terraform/f%03d.tf", i);
      differences.add(new Difference(path, Difference.Kind.CHANGED,
          "--- " + path + " (on disk)\n+++ " + path + " (generated)\n@@ -1,1 +1,1 @@\n-a\n+b\n"));
    }

    String report = CheckReport.describe("generated",
        new OutputDirectory.Comparison(300, differences), COMMAND);

    assertThat(report).startsWith("asg-kms: 250 of 300 files in generated differ from what the"
        + " spec generates:\n  changed: terraform/f000.tf\n");
    assertThat(report).contains("  changed: terraform/f099.tf\n  ... and 150 more\n")
        .doesNotContain("changed: terraform/f100.tf");
    assertThat(report).contains("--- terraform/f019.tf (on disk)")
        .doesNotContain("--- terraform/f020.tf (on disk)")
        .contains("(diffs of 230 more files not shown)\n");
    assertThat(report.lines()).hasSize(1 + 100 + 1 + 20 * 5 + 1 + 1);
    assertThat(report).endsWith("Run mvn asg-kms:generate to bring them up to date.");
  }

  @Test
  void saysWhatGenerateNeedsForEditsAndWhatItNeverReplaces() {
    String report = CheckReport.describe("generated", new OutputDirectory.Comparison(5, List.of(
        new Difference("t/a.tf", Difference.Kind.EDITED, ""),
        new Difference("t/b.tf", Difference.Kind.LINK, ""))), COMMAND);

    assertThat(report).isEqualTo("asg-kms: 2 of 5 files in generated differ from what the spec"
        + " generates:\n  edited by hand: t/a.tf\n  a symbolic link, not followed: t/b.tf\n"
        + "Run mvn asg-kms:generate to bring them up to date. It replaces files edited by hand"
        + " or not written by the plugin only with -Dasgkms.force. Links, folders and special"
        + " files in the way must be moved first: the plugin never follows or replaces them.");
  }

  @Test
  void countsTheFilesNoLongerGeneratedApartAndTheManifestNotAtAll() {
    String report = CheckReport.describe("generated", new OutputDirectory.Comparison(1, List.of(
        new Difference("t/a.tf", Difference.Kind.NOT_EXECUTABLE, ""),
        new Difference("t/gone.tf", Difference.Kind.STALE, ""),
        new Difference("t/link.tf", Difference.Kind.STALE_LINK, ""),
        new Difference(".asg-kms-staging", Difference.Kind.LEFTOVER, ""),
        new Difference(".asg-kms-manifest", Difference.Kind.CHANGED, ""))), COMMAND);

    assertThat(report).startsWith("asg-kms: 1 of 1 file in generated differs from what the spec"
        + " generates, 2 are no longer generated, an interrupted run left its staging folder,"
        + " and the manifest differs:\n  not executable: t/a.tf\n");
    assertThat(report).contains("\n  changed: .asg-kms-manifest\nRun mvn asg-kms:generate");
  }

  /** The fix is the request's own command: a golden execution's, with its configuration. */
  @Test
  void givesTheCommandOfTheRequest() {
    String report = CheckReport.describe("src/test/asg-kms/expected",
        new OutputDirectory.Comparison(1, List.of(
            new Difference("t/a.tf", Difference.Kind.CHANGED, ""))),
        List.of(), "mvn asg-kms:generate@golden");

    assertThat(report).endsWith("\nRun mvn asg-kms:generate@golden to bring them up to date.");
  }
}
