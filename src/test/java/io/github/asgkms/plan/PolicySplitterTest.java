package io.github.asgkms.plan;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.List;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

class PolicySplitterTest {
  private static List<String> arns(String account, int count) {
    return IntStream.range(0, count).mapToObj(i -> String.format(
        "arn:aws:kms:us-west-2:%s:key/%08x-0000-4000-8000-%012x", account, i, i)).toList();
  }

  private static PolicyStatement createGrant(String account, List<String> resources) {
    return new PolicyStatement("AllowCreationOfGrantForTheKMSinExternalAccount" + account,
        List.of(), List.of("kms:CreateGrant"), resources, List.of());
  }

  @Test
  void keepsSmallPoliciesWhole() {
    List<PolicyStatement> statements = List.of(createGrant("444455556666", arns("444455556666", 3)),
        createGrant("777788889999", arns("777788889999", 2)));
    assertThat(PolicySplitter.split(statements, PolicySize.MANAGED_POLICY_LIMIT))
        .containsExactly(statements);
  }

  @Test
  void splitsAStatementTooLargeForOnePolicyByItsResources() {
    List<String> arns = arns("444455556666", 200);
    List<List<PolicyStatement>> documents = PolicySplitter.split(
        List.of(createGrant("444455556666", arns)), PolicySize.MANAGED_POLICY_LIMIT);

    assertThat(documents).hasSizeGreaterThan(1);
    assertThat(documents).allSatisfy(document -> {
      assertThat(PolicySize.of(document)).isLessThanOrEqualTo(PolicySize.MANAGED_POLICY_LIMIT);
      assertThat(document).singleElement().extracting(PolicyStatement::sid)
          .isEqualTo("AllowCreationOfGrantForTheKMSinExternalAccount444455556666");
    });
    assertThat(documents.stream().flatMap(d -> d.get(0).resources().stream()).toList())
        .isEqualTo(arns);
  }

  /**
   * A statement that does not fit what the current policy has left begins there and goes on
   * in the next: three statements of 50 keys each, about 0.8 of a policy each, fill 2
   * policies, where moving each whole to the next policy would take 3.
   */
  @Test
  void aStatementThatDoesNotFitBeginsInWhatThePolicyHasLeft() {
    List<PolicyStatement> statements = List.of(
        createGrant("444455556666", arns("444455556666", 50)),
        createGrant("555566667777", arns("555566667777", 50)),
        createGrant("777788889999", arns("777788889999", 50)));
    int limit = PolicySize.MANAGED_POLICY_LIMIT;
    assertThat(PolicySize.DOCUMENT_OVERHEAD + PolicySize.of(statements.get(0)))
        .isBetween(limit / 2, limit);

    List<List<PolicyStatement>> documents = PolicySplitter.split(statements, limit);

    assertThat(documents).hasSize(2).allSatisfy(document -> {
      assertThat(PolicySize.of(document)).isLessThanOrEqualTo(limit);
      assertThat(document).extracting(PolicyStatement::sid).doesNotHaveDuplicates();
    });
    assertThat(documents.get(0)).hasSize(2);
    assertThat(documents.get(0).get(0)).isEqualTo(statements.get(0));
    // Every key once, in order, each under its own statement's Sid.
    for (PolicyStatement statement : statements) {
      assertThat(documents.stream().flatMap(List::stream)
          .filter(s -> s.sid().equals(statement.sid()))
          .flatMap(s -> s.resources().stream()).toList()).isEqualTo(statement.resources());
    }
  }

  @Test
  void measuresAsIamCountsWithoutWhiteSpace() {
    PolicyStatement statement = new PolicyStatement("Allow use", List.of("arn:aws:iam::1:root"),
        List.of("kms:Decrypt"), List.of("*"),
        List.of(new Condition("Bool", "kms:GrantIsForAWSResource", List.of("true"))));
    String minified = "{\"Version\":\"2012-10-17\",\"Statement\":[{\"Sid\":\"Allowuse\","
        + "\"Effect\":\"Allow\",\"Principal\":{\"AWS\":[\"arn:aws:iam::1:root\"]},"
        + "\"Action\":[\"kms:Decrypt\"],\"Resource\":[\"*\"],"
        + "\"Condition\":{\"Bool\":{\"kms:GrantIsForAWSResource\":[\"true\"]}}}]}";
    assertThat(PolicySize.of(List.of(statement))).isEqualTo(minified.length());
  }
}
