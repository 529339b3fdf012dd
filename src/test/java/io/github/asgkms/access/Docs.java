package io.github.asgkms.access;

import java.util.List;
import java.util.Map;

/** Hand-written documents for the tests. */
final class Docs {
  static final String A = "111122223333";
  static final String B = "444455556666";
  static final String KEY_B = "arn:aws:kms:us-west-2:" + B
      + ":key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d";
  static final String KEY_A = "arn:aws:kms:us-west-2:" + A
      + ":key/11111111-2222-3333-4444-555555555555";
  static final String SLR_ROLE = "arn:aws:iam::" + A
      + ":role/aws-service-role/autoscaling.amazonaws.com/AWSServiceRoleForAutoScaling";
  static final String SLR = Principals.session(SLR_ROLE, "AutoScaling");
  static final String DEPLOYER_ROLE = "arn:aws:iam::" + A + ":role/deployer";
  static final String DEPLOYER = Principals.session(DEPLOYER_ROLE, "ci");

  private Docs() {}

  static PolicyDocument policy(String origin, String json) {
    try {
      return PolicyReader.read(TreeReader.json(origin, json), origin, null, ScalarValues.LITERAL);
    } catch (DocumentException e) {
      throw new AssertionError(e);
    }
  }

  static AccessWorld world(PolicyDocument keyPolicyB, Map<String, List<PolicyDocument>> iam) {
    return new AccessWorld(keyPolicyB == null ? Map.of() : Map.of(KEY_B, keyPolicyB), iam,
        new GrantState());
  }
}
