package io.github.asgkms.render;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import java.util.List;
import org.junit.jupiter.api.Test;

class OutputPathsTest {
  /**
   * The access model finds the JSON grant creator's policies by recognising their names, so
   * every name the layout gives must be recognised, and nothing else.
   */
  @Test
  void recognisesEveryCreateGrantPolicyFileItNamesAndNoOther() {
    assertThat(OutputPaths.createGrantPolicyFile(0)).isEqualTo("create-grant-policy.json");
    assertThat(OutputPaths.createGrantPolicyFile(1)).isEqualTo("create-grant-policy-2.json");
    for (int i = 0; i < 12; i++) {
      assertThat(OutputPaths.isCreateGrantPolicyFile(OutputPaths.createGrantPolicyFile(i)))
          .isTrue();
    }
    assertThat(OutputPaths.isCreateGrantPolicyFile("create-grant-policy.tf")).isFalse();
    assertThat(OutputPaths.isCreateGrantPolicyFile("create-grant-policy-.json")).isFalse();
    assertThat(OutputPaths.isCreateGrantPolicyFile("create-grant-policyXjson")).isFalse();
    assertThat(OutputPaths.isCreateGrantPolicyFile("key-policy-a.json")).isFalse();
  }

  @Test
  void anAccountFolderIsTheFormatThenTheAccount() {
    assertThat(OutputPaths.folder(Format.CLOUDFORMATION, "111122223333"))
        .isEqualTo("cloudformation/account-111122223333/");
  }

  /** The access model finds the launcher role policies' JSON documents by their names too. */
  @Test
  void recognisesEveryLauncherRolePolicyFileItNamesAndNoOther() {
    IamPolicyPlan policy = new IamPolicyPlan("asg-kms-launch-Web_2.x+y=z,@", List.of(), "r");
    assertThat(OutputPaths.launcherRolePolicyFile(policy))
        .isEqualTo("launcher-role-policy-asg-kms-launch-Web_2.x+y=z,@.json");
    assertThat(OutputPaths.isLauncherRolePolicyFile(OutputPaths.launcherRolePolicyFile(policy)))
        .isTrue();
    assertThat(OutputPaths.isLauncherRolePolicyFile("launcher-role-policy.tf")).isFalse();
    assertThat(OutputPaths.isLauncherRolePolicyFile("launcher-role-policy-.json")).isFalse();
    assertThat(OutputPaths.isLauncherRolePolicyFile("create-grant-policy.json")).isFalse();
    assertThat(OutputPaths.isCreateGrantPolicyFile(OutputPaths.launcherRolePolicyFile(policy)))
        .isFalse();
  }

  @Test
  void aGrantFileIsNamedAfterItsKeyAndButForAutoScalingItsLauncher() {
    assertThat(OutputPaths.grantBase("golden-ami", "autoscaling")).isEqualTo("golden-ami");
    assertThat(OutputPaths.grantBase("golden-ami-eu-west-1", "spot-fleet"))
        .isEqualTo("golden-ami-eu-west-1-spot-fleet");
    assertThat(OutputPaths.terraformGrantFile(new GrantPlan("golden-ami", "asg-golden-ami",
        "arn:aws:kms:us-west-2:444455556666:key/k", "us-west-2", "arn:aws:iam::1:role/r",
        List.of("Decrypt"), "arn:aws:iam::1:root", List.of(), "ec2-fleet")))
        .isEqualTo("grant-golden-ami-ec2-fleet.tf");
  }
}
