package io.github.asgkms.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.Generator;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.render.Format;
import java.util.ArrayList;
import java.util.List;
import java.util.regex.Pattern;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Nothing generated is superfluous: dropping any single statement, action, condition or grant
 * from the documents as read back makes some sequence fail or some probe find excess, in every
 * format of every golden case. What survives every sequence must be one of the documented
 * allowances below, each with its reason; anything else that survives fails the test.
 */
class MutationTest {
  /**
   * What the generated output holds though no modelled call needs it.
   *
   * @param sid the statement's Sid, as a pattern
   * @param action the action dropped, or null for the whole statement
   * @param reason why it is generated all the same, and the source
   */
  record Allowance(Pattern sid, String action, String condition, boolean otherAccountKeys,
      String reason) {
    Allowance(Pattern sid, String action, String reason) {
      this(sid, action, null, false, reason);
    }

    /**
     * Whether it covers the mutation: the statement, or with an action that action, or with
     * a condition key that condition; with otherAccountKeys, only in the policy of a key of
     * another account than {@code autoScalingAccount}.
     */
    boolean covers(Mutations.Mutation m, String autoScalingAccount) {
      return m.sid() != null && sid.matcher(m.sid()).matches()
          && (action == null ? m.action() == null : action.equals(m.action()))
          && (condition == null ? otherAccountKeys || m.condition() == null
              : condition.equals(m.condition()))
          && (!otherAccountKeys || m.keyArn() != null
              && !m.keyArn().split(":")[4].equals(autoScalingAccount));
    }
  }

  private static final String LAUNCHER_CRYPTO = "Allow launcher roles use of the KMS through EC2";
  private static final String LAUNCHER_ATTACH =
      "Allow launcher roles attachment of persistent resources through EC2";
  private static final String CALLER_ACCOUNT = "kms:CallerAccount is the Auto Scaling account"
      + " for every call of a launcher role, which is a role of that account (the spec refuses"
      + " another): the condition keeps a statement from letting in a role of another account"
      + " should its principal be changed, which no modelled call does (KMS Developer Guide,"
      + " kms:CallerAccount)";
  private static final String THROUGH_THE_ACCOUNT = "on a key in another account, the"
      + " article's statements for the Auto Scaling account let its identities in for the"
      + " service-linked roles' grants, and a launcher role's own IAM policy, which a call"
      + " across accounts needs as well, carries the same actions and conditions: the key"
      + " policy's statement for the role is what lets it in once no service-linked launcher"
      + " is left, and no single drop is seen while one is";

  private static final String CRYPTO_EXTERNAL = "Allow external account [0-9]{12} use of the KMS";
  static final List<Allowance> ALLOWANCES = List.of(
      new Allowance(Pattern.compile("Allow service-linked role use of the KMS"), "kms:Encrypt",
          "the Knowledge Center article's statement and the Auto Scaling User Guide's example 1"
              + " give kms:Encrypt; no launch call of Auto Scaling uses it (it decrypts, makes"
              + " data keys without plaintext and re-encrypts)"),
      new Allowance(Pattern.compile(CRYPTO_EXTERNAL), null,
          "the article's statement (and the User Guide's example 2) lets the Auto Scaling"
              + " account's identities use the key; the service-linked role uses the grant"
              + " instead, so no modelled call goes through it"),
      new Allowance(Pattern.compile(Pattern.quote(LAUNCHER_CRYPTO)), "kms:Encrypt",
          "as the service-linked role's statement: EC2 decrypts, makes data keys without"
              + " plaintext and re-encrypts for the role; no launch call uses kms:Encrypt"),
      new Allowance(
          Pattern.compile("AllowUseOfTheKMSinExternalAccount[0-9]{12}ThroughEC2In[a-z0-9]+"),
          "kms:Encrypt", "the launcher role's IAM policy holds the key policy's actions; no"
              + " launch call uses kms:Encrypt"),
      new Allowance(Pattern.compile(Pattern.quote(LAUNCHER_CRYPTO) + "|"
          + Pattern.quote(LAUNCHER_ATTACH)), null, "kms:CallerAccount", false, CALLER_ACCOUNT),
      new Allowance(Pattern.compile(Pattern.quote(LAUNCHER_CRYPTO) + "|"
          + Pattern.quote(LAUNCHER_ATTACH)), null, null, true, THROUGH_THE_ACCOUNT),
      new Allowance(Pattern.compile("AllowItsLogs"), null,
          "the grant function's permission to write its own logs (Lambda Developer Guide,"
              + " \"Sending Lambda function logs to CloudWatch Logs\"): CloudWatch Logs, not"
              + " KMS, which is all the model evaluates"));
  private static final List<String> CRYPTO_ACTIONS = List.of("kms:Encrypt", "kms:Decrypt",
      "kms:ReEncrypt*", "kms:GenerateDataKey*", "kms:DescribeKey");

  static List<Allowance> allowances() {
    List<Allowance> all = new ArrayList<>(ALLOWANCES);
    for (String action : CRYPTO_ACTIONS) {
      all.add(new Allowance(Pattern.compile(CRYPTO_EXTERNAL), action,
          "an action of the article's external-account statement, above"));
      all.add(new Allowance(Pattern.compile(Pattern.quote(LAUNCHER_CRYPTO)), action, null, true,
          "an action of the launcher roles' statement on a key in another account, above"));
    }
    for (String action : List.of("logs:CreateLogStream", "logs:PutLogEvents")) {
      all.add(new Allowance(Pattern.compile("AllowItsLogs"), action,
          "an action of the function's logs statement, above"));
    }
    return all;
  }

  @ParameterizedTest
  @MethodSource("io.github.asgkms.access.AccessGoldenTest#cases")
  void everyGeneratedItemIsNeededBySomeCallOrProbe(String name) throws Exception {
    Generator.Rendering rendering = AccessGoldenTest.render(name);
    Plan plan = rendering.plan();
    SequenceLoader.Loaded data = SequenceLoader.load();
    Deployment planned = Deployment.planned(plan);
    List<String> survivors = new ArrayList<>();
    int tried = 0;
    for (Format format : AccessGoldenTest.formats(name)) {
      RenderedDocuments docs = AccessCheck.read(format, plan, rendering.files());
      assertThat(AccessCheck.check(data, Deployment.rendered(format, plan, docs), planned))
          .as("the unchanged %s output", format.id()).isEmpty();
      for (Mutations.Mutation m : Mutations.of(docs)) {
        tried++;
        List<AccessFinding> findings = AccessCheck.check(data,
            Deployment.rendered(format, plan, m.documents()), planned);
        if (findings.isEmpty() && allowances().stream().noneMatch(a -> a.covers(m,
            plan.autoScalingAccountId()))) {
          survivors.add("[" + format.id() + "] " + m.description());
        }
      }
    }
    assertThat(tried).isPositive();
    assertThat(survivors).as("mutations no sequence or probe catches").isEmpty();
  }

  /** Each allowance is a real survivor, so the list says exactly what is not needed. */
  @org.junit.jupiter.api.Test
  void theAllowancesAreExactlyWhatSurvives() throws Exception {
    List<String> allowed = new ArrayList<>();
    for (String name : List.of("mixed", "cloudformation-cross-account")) {
      Generator.Rendering rendering = AccessGoldenTest.render(name);
      Deployment planned = Deployment.planned(rendering.plan());
      for (Format format : Format.values()) {
        RenderedDocuments docs = AccessCheck.read(format, rendering.plan(), rendering.files());
        for (Mutations.Mutation m : Mutations.of(docs)) {
          if (ALLOWANCES.stream().anyMatch(a -> a.covers(m,
              rendering.plan().autoScalingAccountId()))) {
            assertThat(AccessCheck.check(SequenceLoader.load(), Deployment.rendered(format,
                rendering.plan(), m.documents()), planned)).as(m.description()).isEmpty();
            allowed.add(m.sid() + (m.action() == null ? "" : " " + m.action()));
          }
        }
      }
    }
    assertThat(allowed).contains("Allow service-linked role use of the KMS kms:Encrypt",
        "Allow external account 111122223333 use of the KMS", "AllowItsLogs");
  }
}
