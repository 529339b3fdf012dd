package io.github.asgkms.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.aws.IamRoleArn;
import io.github.asgkms.aws.Launcher;
import io.github.asgkms.aws.Partition;
import io.github.asgkms.aws.RoleLauncher;
import io.github.asgkms.aws.ServiceLinkedLauncher;
import org.junit.jupiter.api.Test;

/** {@code launchers}: services by name and roles of one's own by ARN, in spec order. */
class LaunchersSpecTest {
  private static final String SPEC = """
      version: 1
      autoScalingAccountId: "111122223333"
      keys:
        - name: ebs
          arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
      """;

  @Test
  void isAutoScalingAloneWhenAbsent() throws Exception {
    assertThat(SpecReader.parse(SPEC, "spec.yaml").launchers())
        .containsExactly(ServiceLinkedLauncher.AUTOSCALING);
  }

  @Test
  void readsAMixedListInSpecOrder() throws Exception {
    Spec spec = SpecReader.parse(SPEC + """
        serviceLinkedRoleSuffix: web
        launchers:
          - spot-fleet
          - roleArn: arn:aws:iam::111122223333:role/eks/karpenter-controller
          - autoscaling
          - ec2-fleet
          - roleArn: arn:aws:iam::111122223333:role/cluster-autoscaler
        """, "spec.yaml");

    IamRoleArn karpenter = new IamRoleArn(Partition.AWS, "111122223333", "/eks/",
        "karpenter-controller");
    assertThat(spec.launchers()).containsExactly(ServiceLinkedLauncher.SPOT_FLEET,
        new RoleLauncher(karpenter), ServiceLinkedLauncher.AUTOSCALING,
        ServiceLinkedLauncher.EC2_FLEET, new RoleLauncher(new IamRoleArn(Partition.AWS,
            "111122223333", "/", "cluster-autoscaler")));
    assertThat(spec.launchers()).extracting(Launcher::id).containsExactly("spot-fleet",
        "arn:aws:iam::111122223333:role/eks/karpenter-controller", "autoscaling", "ec2-fleet",
        "arn:aws:iam::111122223333:role/cluster-autoscaler");
    assertThat(karpenter.isServiceLinked()).isFalse();
    assertThat(spec.serviceLinkedRoleSuffix()).contains("web");
  }

  @Test
  void takesTheKeysPartitionForARoleWhenNoneIsGiven() throws Exception {
    Spec spec = SpecReader.parse("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: ebs
            arn: arn:aws-cn:kms:cn-north-1:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        launchers:
          - roleArn: arn:aws-cn:iam::111122223333:role/karpenter
        """, "spec.yaml");

    assertThat(spec.launchers()).singleElement().isInstanceOfSatisfying(RoleLauncher.class,
        role -> assertThat(role.arn().partition()).isEqualTo(Partition.AWS_CN));
  }

  /** Only a key in another account gets grants, so only its grants' names are taken. */
  @Test
  void aKeyMayTakeTheNameAGrantWouldHaveOnAKeyInTheAutoScalingAccount() throws Exception {
    Spec spec = SpecReader.parse("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: ebs
            arn: arn:aws:kms:us-west-2:111122223333:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
          - name: ebs-ec2-fleet
            arn: arn:aws:kms:us-west-2:444455556666:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0
        launchers: [autoscaling, ec2-fleet]
        """, "spec.yaml");

    assertThat(spec.keys()).extracting(KeySpec::name).containsExactly("ebs", "ebs-ec2-fleet");
  }

  /** 246 characters and -ec2-fleet make 256, CreateGrant's limit, which is allowed. */
  @Test
  void aGrantNameOfExactlyTheKmsLimitIsAccepted() throws Exception {
    String grantName = "asg-" + "x".repeat(242);
    Spec spec = SpecReader.parse("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: ebs
            arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
            grantName: %s
        launchers: [autoscaling, ec2-fleet]
        """.formatted(grantName), "spec.yaml");

    assertThat(KeyNames.grantName(spec.keys().get(0).grantName().orElseThrow(),
        ServiceLinkedLauncher.EC2_FLEET)).hasSize(Rules.MAX_GRANT_NAME);
  }
}
