package io.github.asgkms.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.Generator;
import io.github.asgkms.render.Format;
import java.util.List;
import org.junit.jupiter.api.Test;

/** Every step of the sequence data is replayed, in order, with the outcome it expects. */
class SequencesTest {
  private static List<String> trace(String golden, Format format) throws Exception {
    Generator.Rendering r = AccessGoldenTest.render(golden);
    Replay replay = new Replay(SequenceLoader.load(), Deployment.rendered(format, r.plan(),
        AccessCheck.read(format, r.plan(), r.files())), Deployment.planned(r.plan()));
    assertThat(replay.run()).isEmpty();
    return replay.trace;
  }

  private static final List<String> LAUNCH_EBS = List.of(
      "launch/grant for the volume ebs: allowed", "launch/decrypt ebs: allowed",
      "launch/data key for a new volume ebs: allowed", "launch/re-encrypt from ebs: allowed",
      "launch/re-encrypt to ebs: allowed");

  @Test
  void terraformCreatesReadsBackRefreshesDestroysAndPolls() throws Exception {
    List<String> expected = new java.util.ArrayList<>(List.of(
        "terraform/create ebs: allowed", "terraform/read-back ebs: allowed, listed"));
    expected.addAll(LAUNCH_EBS);
    expected.addAll(List.of("terraform/refresh ebs: allowed, listed",
        "terraform/destroy ebs: allowed", "terraform/post-destroy poll ebs: allowed, not listed"));
    assertThat(trace("article-cross-account", Format.TERRAFORM)).isEqualTo(expected);
  }

  @Test
  void cloudFormationPlaysEveryScenarioAndDeletesWhatItShould() throws Exception {
    List<String> trace = trace("cloudformation-cross-account", Format.CLOUDFORMATION);
    assertThat(trace).filteredOn(t -> t.startsWith("cloudformation/")).containsExactly(
        "cloudformation/Create/Create ebs: allowed",
        "cloudformation/Update without replacement/Create ebs: allowed",
        "cloudformation/Update without replacement/Update ebs: allowed",
        "cloudformation/replacement and its cleanup Delete/Create ebs: allowed",
        "cloudformation/replacement and its cleanup Delete/Update ebs: allowed",
        "cloudformation/replacement and its cleanup Delete/Delete ebs: allowed",
        "cloudformation/rollback/Create ebs: allowed",
        "cloudformation/rollback/Update ebs: allowed",
        "cloudformation/rollback/Update ebs: allowed",
        "cloudformation/rollback/Delete ebs: allowed",
        "cloudformation/Delete/Create ebs: allowed",
        "cloudformation/Delete/Delete ebs: allowed",
        "cloudformation/Delete of a Create that failed/Delete ebs: no call");
    // Auto Scaling launches after Create, the update, the replacement and its cleanup, the
    // rollback and its cleanup: six times.
    assertThat(trace).filteredOn(t -> t.equals("launch/decrypt ebs: allowed")).hasSize(6);
  }

  @Test
  void theCliCreatesTheGrantsAndAutoScalingLaunchesOnlyWhatTheSpecGrants() throws Exception {
    // The JSON key policies must allow the Terraform manager's calls too, on the planned grants.
    assertThat(trace("mixed", Format.JSON)).contains("terraform/read-back data: allowed, listed");
    assertThat(trace("cli-manager", Format.JSON)).filteredOn(t -> t.startsWith("cli/"))
        .containsExactly("cli/account check: us-west-2, in aws",
            "cli/create ebs: allowed", "cli/create shared-ami: allowed");
    List<String> mixed = trace("mixed", Format.TERRAFORM);
    assertThat(mixed).filteredOn(t -> t.endsWith(" shared-ami: allowed")
        && t.startsWith("launch/")).containsExactly(
            "launch/grant for the volume shared-ami: allowed", "launch/decrypt shared-ami: allowed");
    assertThat(mixed).contains("launch/describe the key local-ebs: allowed");
  }

  @Test
  void theKeyAccountKeepsAdministeringAKeyWhosePolicyIsReplaced() throws Exception {
    assertThat(trace("full-key-policy", Format.JSON)).contains(
        "key-administration/change the key policy golden-ami: allowed",
        "key-administration/change the key policy local: allowed");
  }
}
