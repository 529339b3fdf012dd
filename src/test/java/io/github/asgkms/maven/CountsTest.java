package io.github.asgkms.maven;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.Generator;
import io.github.asgkms.render.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * check and generate count one tree the same way: the files the spec generates (the manifest
 * is bookkeeping, never counted), those that differ, which generate then writes, and those no
 * longer generated, which it deletes.
 */
class CountsTest {
  private static final String ONE_KEY = """
      version: 1
      autoScalingAccountId: "111122223333"
      keys:
        - name: remote
          arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
      grantCreator:
        roleName: deployer
      """;
  private static final String SECOND_KEY = """
        - name: second
          arn: arn:aws:kms:us-west-2:777788889999:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
      """;

  @TempDir Path temp;

  @Test
  void checkSaysWhatGenerateThenDoesInTheSameNumbers() throws Exception {
    Path spec = temp.resolve("asg-kms.yaml");
    Path out = temp.resolve("generated");
    GenerateRequest request = new GenerateRequest(spec, "asg-kms.yaml", out,
        EnumSet.of(Format.TERRAFORM), null);
    Files.writeString(spec, ONE_KEY.replace("grantCreator:", SECOND_KEY.stripTrailing()
        + "\ngrantCreator:"));
    Generator.generate(request);
    Files.writeString(spec, ONE_KEY.replace("deployer", "builder"));

    String check = CheckReport.describe("generated", Generator.check(request).comparison(),
        request.regenerateCommand());
    String generate = GenerateMojo.summary(Generator.generate(request), "asg-kms.yaml",
        "generated");

    // Each account folder's ACCESS.md counts as any generated file.
    assertThat(check).startsWith("asg-kms: 4 of 7 files in generated differ from what the spec"
        + " generates, 4 are no longer generated, and the manifest differs:\n");
    assertThat(check.substring(0, check.indexOf("\n--- "))).as("the list of files")
        .endsWith("\n  changed: .asg-kms-manifest");
    assertThat(check).doesNotContain("--- .asg-kms-manifest");
    assertThat(generate).isEqualTo("asg-kms: wrote 4 of 7 files from asg-kms.yaml into"
        + " generated, 3 unchanged, deleted 4 no longer generated");
  }
}
