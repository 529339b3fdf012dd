package io.github.asgkms.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asgkms.plan.GrantPlan;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a template gets from {@code names}: the same names Java gives. */
class TemplateNamesTest {
  private static final GrantPlan GRANT = new GrantPlan("key-1", "asg-key-1",
      "arn:aws:kms:us-west-2:444455556666:key/k", "us-west-2",
      "arn:aws:iam::111122223333:role/r", List.of("Decrypt"), "arn:aws:iam::111122223333:root",
      List.of(0), "autoscaling");

  private static final GrantPlan FLEET_GRANT = new GrantPlan("golden-ami", "asg-golden-ami-ec2-fleet",
      "arn:aws:kms:us-west-2:444455556666:key/k", "us-west-2",
      "arn:aws:iam::111122223333:role/r", List.of("Decrypt"), "arn:aws:iam::111122223333:root",
      List.of(0), "ec2-fleet");

  @TempDir Path templates;

  private String render(String template) throws Exception {
    Files.writeString(templates.resolve("t.txt.ftl"), template);
    return new TemplateEngine(templates).render("t.txt.ftl",
        Map.of("names", TemplateNames.INSTANCE, "grant", GRANT, "fleetGrant", FLEET_GRANT));
  }

  @Test
  void numbersAsIamPoliciesAndTheirFilesAreNumbered() throws Exception {
    assertThat(render("[#list 0..2 as i][=names.numbered('Policy', i, '_')] [/#list]"))
        .isEqualTo("Policy Policy_2 Policy_3 ");
  }

  @Test
  void givesAGrantItsLogicalIdFromWhatTellsItApart() throws Exception {
    assertThat(render("[=names.grantLogicalId(grant)]")).isEqualTo(LogicalIds.grant("key-1"))
        .isEqualTo("Key1GrantDash04");
  }

  @Test
  void aWrongCallFailsTheTemplateAndSaysWhy() {
    assertThatThrownBy(() -> render("[=names.numbered('Policy', 1)]"))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("numbered(first, index, separator) takes 3 argument(s), not 2");
    assertThatThrownBy(() -> render("[=names.grantLogicalId('key-1')]"))
        .isInstanceOf(RenderException.class)
        .hasMessageContaining("grantLogicalId(grant) takes a grant");
  }

  @Test
  void namesAGrantAfterItsKeyAndButForAutoScalingItsLauncher() throws Exception {
    assertThat(render("[=names.grant(grant)] [=names.grant(fleetGrant)]"))
        .isEqualTo("key-1 golden-ami-ec2-fleet");
    assertThat(render("[=names.grantLogicalId(fleetGrant)]"))
        .isEqualTo("GoldenAmiEc2FleetGrant");
  }

  @Test
  void makesATerraformIdentifierOfAnyTextOneToOne() throws Exception {
    assertThat(render("[=names.identifier('asg-kms-launch-Web_2.x')]"))
        .isEqualTo("asg_kms_launch_Web-5f2-2ex");
    assertThat(TemplateNames.identifier("a-b")).isNotEqualTo(TemplateNames.identifier("a_b"));
    assertThat(TemplateNames.identifier("a-5f")).isNotEqualTo(TemplateNames.identifier("a_"));
    assertThat(TemplateNames.identifier("\u00e9\u4e00")).isEqualTo("-e9-u4e00");
  }
}
