package io.github.asgkms.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asgkms.plan.Condition;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.plan.Planner;
import io.github.asgkms.plan.PolicyStatement;
import io.github.asgkms.spec.SpecReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a template can read of the plan, how often templates are parsed, and their errors. */
class TemplateEngineTest {
  private static final Set<Format> ALL = EnumSet.of(Format.TERRAFORM, Format.JSON);
  private static final PolicyStatement STATEMENT = new PolicyStatement("Sid1",
      List.of("arn:aws:iam::111122223333:root"), List.of("kms:Decrypt", "kms:Encrypt"),
      List.of("*"), List.of(new Condition("Bool", "kms:GrantIsForAWSResource", List.of("true"))));
  private static final IamPolicyPlan POLICY = new IamPolicyPlan("p", List.of(STATEMENT), null);

  @TempDir Path templates;

  private String render(String template, Map<String, Object> model) throws Exception {
    Files.writeString(templates.resolve("t.txt.ftl"), template);
    return new TemplateEngine(templates).render("t.txt.ftl", model);
  }

  @Test
  void readsComponentsAndTheRecordsOwnMethods() throws Exception {
    assertThat(render("[=s.sid] [=s.effect] [=s.actions?join(',')] [=s.actions?size]"
        + " [#list s.conditions as c][=c.test]:[=c.values[0]][/#list]", Map.of("s", STATEMENT)))
        .isEqualTo("Sid1 Allow kms:Decrypt,kms:Encrypt 2 Bool:true");
  }

  @Test
  void listsTheSameRecordsTwiceAlike() throws Exception {
    String once = "[#list p.statements as s][=s.sid][#list s.actions as a] [=a][/#list][/#list]";
    assertThat(render(once + "|" + once, Map.of("p", POLICY)))
        .isEqualTo("Sid1 kms:Decrypt kms:Encrypt|Sid1 kms:Decrypt kms:Encrypt");
  }

  @Test
  void aNullComponentIsMissing() throws Exception {
    assertThat(render("[#if p.roleName??]role[#else]none[/#if]", Map.of("p", POLICY)))
        .isEqualTo("none");
    assertThatThrownBy(() -> render("[=p.roleName]", Map.of("p", POLICY)))
        .isInstanceOf(RenderException.class).hasMessageContaining("p.roleName");
  }

  @Test
  void aMisspelledNameIsMissing() throws Exception {
    assertThat(render("[#if s.nme??]yes[#else]no[/#if]", Map.of("s", STATEMENT)))
        .isEqualTo("no");
  }

  @Test
  void reachesNoClassLoader() {
    assertThatThrownBy(() -> render("[=s.getClass().getClassLoader()???c]",
        Map.of("s", STATEMENT))).isInstanceOf(RenderException.class)
        .hasMessageContaining("getClassLoader");
  }

  private static Plan plan(String... accounts) throws Exception {
    StringBuilder spec = new StringBuilder("version: 1\nautoScalingAccountId: \"111122223333\"\n"
        + "grantCreator:\n  roleName: deployer\nkeys:\n");
    for (int i = 0; i < accounts.length; i++) {
      spec.append("  - name: k").append(i).append("\n    arn: arn:aws:kms:us-west-2:")
          .append(accounts[i]).append(":key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4").append(i)
          .append('\n');
    }
    return Planner.plan(SpecReader.parse(spec.toString(), "spec.yaml"), "spec.yaml");
  }

  @Test
  void aRunParsesEachTemplateOnceLibrariesIncluded() throws Exception {
    TemplateEngine engine = new TemplateEngine(null);
    new Renderer(engine).render(plan("111122223333", "444455556666", "777788889999"), ALL);
    int afterFirstRun = engine.parsedTemplates();
    new Renderer(engine).render(plan("111122223333", "444455556666"), ALL);

    // Libraries included: nothing is parsed twice, and no more than the plugin has.
    assertThat(engine.parsedTemplates()).isEqualTo(afterFirstRun)
        .isPositive().isLessThanOrEqualTo(Format.builtInTemplates().size());
  }

  @Test
  void aBrokenTemplateFailsWhenUsedWithItsLocation() throws Exception {
    Path terraform = Files.createDirectories(templates.resolve("terraform"));
    Files.writeString(terraform.resolve("grant.tf.ftl"), "[#ftl]\nline two\n[#if grant.name]\n");
    Set<Format> formats = EnumSet.of(Format.TERRAFORM);
    TemplateEngine engine = new TemplateEngine(templates);

    // A spec with no key in another account needs no grant template, so nothing fails.
    assertThat(new Renderer(engine).render(plan("111122223333"), formats)).isNotEmpty();
    assertThat(failure(engine, formats)).contains("terraform/grant.tf.ftl").contains("line 3");
  }

  private static String failure(TemplateEngine engine, Set<Format> formats) {
    try {
      new Renderer(engine).render(plan("111122223333", "444455556666"), formats);
    } catch (Exception e) {
      assertThat(e).isInstanceOf(RenderException.class);
      return e.getMessage();
    }
    throw new AssertionError("the broken template did not fail");
  }
}
