package io.github.asgkms.access;

import io.github.asgkms.plan.Plan;
import io.github.asgkms.plan.Planner;
import io.github.asgkms.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;

/** Plans from small specs, for the tests. */
final class Plans {
  private Plans() {}

  static Plan of(String spec) {
    try {
      Path file = Files.createTempFile("asg-kms", ".yaml");
      try {
        Files.writeString(file, spec);
        return Planner.plan(SpecReader.read(file, "spec.yaml"), "spec.yaml");
      } finally {
        Files.delete(file);
      }
    } catch (Exception e) {
      throw new AssertionError(e);
    }
  }

  /** Auto Scaling in 111122223333, key "remote" in 444455556666. */
  static Plan crossAccount(String partition) {
    String region = switch (partition) {
      case "aws-cn" -> "cn-north-1";
      case "aws-us-gov" -> "us-gov-west-1";
      default -> "us-west-2";
    };
    return of("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: remote
            arn: arn:%s:kms:%s:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        """.formatted(partition, region));
  }
}
