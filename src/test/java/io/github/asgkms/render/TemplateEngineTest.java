package io.github.asgkms.render;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asgkms.plan.Condition;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.PolicyStatement;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** What a template can and cannot read of the plan's records. */
class TemplateEngineTest {
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
  void reachesNothingButTheRecord() throws Exception {
    for (String name : List.of("getClass", "class", "hashCode", "toString", "equals", "nme")) {
      assertThat(render("[#if s." + name + "??]yes[#else]no[/#if]", Map.of("s", STATEMENT)))
          .as(name).isEqualTo("no");
    }
  }
}
