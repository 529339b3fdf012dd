package io.github.asgkms.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.Generator;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.render.Format;
import java.util.List;
import java.util.function.Consumer;
import org.junit.jupiter.api.Test;

/**
 * Issue #10's defects, put back into the documents as read back: each makes the access check
 * fail, with a message that names the call and what is missing.
 */
class DefectsTest {
  private static List<String> findings(String golden, Format format,
      Consumer<RenderedDocuments> change) throws Exception {
    Generator.Rendering rendering = AccessGoldenTest.render(golden);
    Plan plan = rendering.plan();
    RenderedDocuments docs = AccessCheck.read(format, plan, rendering.files());
    assertThat(AccessCheck.check(SequenceLoader.load(), Deployment.rendered(format, plan, docs),
        Deployment.planned(plan))).as("before the change").isEmpty();
    RenderedDocuments changed = docs.copy();
    change.accept(changed);
    return AccessCheck.check(SequenceLoader.load(), Deployment.rendered(format, plan, changed),
        Deployment.planned(plan)).stream().map(AccessFinding::message).toList();
  }

  private static void grants(RenderedDocuments docs,
      java.util.function.UnaryOperator<GrantDefinition> change) {
    docs.grants.replaceAll(change);
  }

  @Test
  void aGrantWithoutRetiringPrincipalCannotBeDestroyedWithoutTheBackup() throws Exception {
    assertThat(findings("article-cross-account", Format.TERRAFORM, docs -> grants(docs,
        g -> g.withRequest(new GrantRequest(g.request().grantee(), g.request().operations(),
            g.request().name(), null)))))
        .singleElement().asString().contains(
            "step 'destroy' for key ebs: kms:RetireGrant",
            "is neither the retiring principal of grant 'asg-ebs' (none) nor its grantee with"
                + " RetireGrant; the backup by the account in which the grant was created is not"
                + " relied on");
  }

  @Test
  void revokingOnDestroyNeedsWhatTheKeyPolicyDoesNotGive() throws Exception {
    assertThat(findings("terraform-grant-creator-role", Format.TERRAFORM, docs -> grants(docs,
        g -> new GrantDefinition(g.keyArn(), g.request(), false, g.caller(), g.origin()))))
        .hasSize(2).allSatisfy(m -> assertThat(m).contains("step 'destroy'",
            "kms:RevokeGrant", "allows kms:RevokeGrant neither to"));
  }

  @Test
  void theScriptsAccountCheckWithoutARegionFailsInOtherPartitions() throws Exception {
    assertThat(findings("cli-aws-us-gov", Format.JSON, docs -> {
      docs.stsCalls.replaceAll(sts -> new RenderedDocuments.StsCall(null, sts.origin()));
    })).singleElement().asString().contains("create-grants.sh with the AWS CLI, step 'account"
        + " check'", "it names no Region: with none configured the AWS CLI sends it to the"
        + " global endpoint of the aws partition, where credentials of aws-us-gov are not valid");
  }

  @Test
  void aGrantWithoutNameIsReplacedOnEveryUpdate() throws Exception {
    assertThat(findings("cloudformation-cross-account", Format.CLOUDFORMATION, docs -> grants(
        docs, g -> g.withRequest(g.request().withName(null)))))
        .anySatisfy(m -> assertThat(m).contains("grant lifecycle broken", "scenario 'Update"
            + " without replacement'", "where samePhysicalId was expected"));
  }

  @Test
  void theFunctionRoleThatIsNotTheRetiringPrincipalCannotDelete() throws Exception {
    assertThat(findings("cloudformation-cross-account", Format.CLOUDFORMATION, docs -> grants(
        docs, g -> g.withRequest(new GrantRequest(g.request().grantee(),
            g.request().operations(), g.request().name(), null)))))
        .anySatisfy(m -> assertThat(m).contains("scenario 'replacement and its cleanup"
            + " Delete', Delete for key ebs", "kms:RetireGrant"));
  }

  @Test
  void anUnconditionedFunctionRoleCanMintAnyGrant() throws Exception {
    assertThat(findings("cloudformation-cross-account", Format.CLOUDFORMATION, docs ->
        docs.identityPolicies.replaceAll((identity, policies) -> policies.stream().map(p ->
            new PolicyDocument(p.origin(), p.name(), p.statements().stream()
                .map(s -> s.withConditions(List.of())).toList())).toList())))
        .anySatisfy(m -> assertThat(m).contains("excess access: probe 'a grant for a grantee"
            + " the spec never names'", "by arn:aws:sts::111122223333:assumed-role/"
            + "asg-kms-GrantFunctionRole/asg-kms-GrantFunction",
            "AllowCreationOfGrantForTheKMSinExternalAccount444455556666"));
  }

  @Test
  void aStatementForAPrincipalTheSpecNeverNamedIsExcess() throws Exception {
    assertThat(findings("article-cross-account", Format.JSON, docs ->
        docs.keyPolicies.replaceAll((key, policy) -> new PolicyDocument(policy.origin(), null,
            java.util.stream.Stream.concat(policy.statements().stream(), java.util.stream.Stream
                .of(new Statement("Partner", Effect.ALLOW,
                    List.of("arn:aws:iam::999988887777:role/partner"), List.of("kms:Decrypt"),
                    List.of("*"), List.of(), List.of()))).toList()))))
        .anySatisfy(m -> assertThat(m).contains("excess access: a principal the spec never"
            + " named, on key ebs: kms:Decrypt", "by arn:aws:iam::999988887777:role/partner",
            "statement 'Partner' of json/account-444455556666/key-policy-ebs.json"));
  }
}
