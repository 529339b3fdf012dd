package io.github.asgkms.access;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * One KMS call: who makes it, the operation, the key, and the request context that condition
 * keys read (KMS Developer Guide, "AWS KMS condition keys").
 *
 * @param caller the caller's ARN: a role session, a user, a role
 * @param operation the API operation, such as {@code CreateGrant}
 * @param keyArn the key ARN
 * @param grant what CreateGrant asks for; null for other operations
 * @param grantId the grant RetireGrant and RevokeGrant name; null for other operations
 * @param forAwsResource whether an AWS service integrated with KMS sends it on the caller's
 *     behalf: {@code kms:GrantIsForAWSResource}
 * @param viaService the service that sends it on the caller's behalf, as
 *     {@code kms:ViaService} names it ({@code ec2.<region>.amazonaws.com}); null for a call
 *     the caller makes itself, or one whose service the model leaves out
 */
public record KmsRequest(String caller, String operation, String keyArn, GrantRequest grant,
    String grantId, boolean forAwsResource, String viaService) {

  /** The operations whose requests carry {@code kms:GrantIsForAWSResource}. */
  private static final List<String> GRANT_RESOURCE_OPERATIONS =
      List.of("CreateGrant", "ListGrants", "RevokeGrant");

  public static KmsRequest of(String caller, String operation, String keyArn) {
    return new KmsRequest(caller, operation, keyArn, null, null, false, null);
  }

  public static KmsRequest createGrant(String caller, String keyArn, GrantRequest grant,
      boolean forAwsResource) {
    return new KmsRequest(caller, "CreateGrant", keyArn, grant, null, forAwsResource, null);
  }

  public static KmsRequest onGrant(String caller, String operation, String keyArn,
      String grantId) {
    return new KmsRequest(caller, operation, keyArn, null, grantId, false, null);
  }

  /** The same request, sent by {@code service} on the caller's behalf; null: by the caller. */
  public KmsRequest through(String service) {
    return new KmsRequest(caller, operation, keyArn, grant, grantId, forAwsResource, service);
  }

  /** The IAM action: {@code kms:} and the operation. */
  public String action() {
    return "kms:" + operation;
  }

  /** The condition keys this request carries, lower-cased, as IAM compares them. */
  public Map<String, List<String>> context() {
    Map<String, List<String>> context = new LinkedHashMap<>();
    String account = Principals.account(caller);
    if (account != null) {
      context.put("kms:calleraccount", List.of(account));
    }
    if (viaService != null) {
      context.put("kms:viaservice", List.of(viaService));
    }
    if (GRANT_RESOURCE_OPERATIONS.contains(operation)) {
      context.put("kms:grantisforawsresource", List.of(Boolean.toString(forAwsResource)));
    }
    if (grant != null) {
      context.put("kms:granteeprincipal", List.of(grant.grantee()));
      context.put("kms:grantoperations", new ArrayList<>(grant.operations()));
      if (grant.retiringPrincipal() != null) {
        context.put("kms:retiringprincipal", List.of(grant.retiringPrincipal()));
      }
    }
    return context;
  }

  /** The keys a condition may name, lower-cased; any other is reported as not modelled. */
  static boolean isModelledKey(String key) {
    return switch (key.toLowerCase(Locale.ROOT)) {
      case "kms:calleraccount", "kms:grantisforawsresource", "kms:granteeprincipal",
          "kms:grantoperations", "kms:retiringprincipal", "kms:viaservice" -> true;
      default -> false;
    };
  }

  /** Whether the key may hold several values, so that only set operators can test it. */
  static boolean isMultivalued(String key) {
    return key.equalsIgnoreCase("kms:GrantOperations");
  }

  @Override
  public String toString() {
    StringBuilder out = new StringBuilder(action());
    if (grant != null) {
      out.append(" (grantee ").append(grant.grantee()).append(", operations ")
          .append(String.join(" ", grant.operations()));
      if (grant.retiringPrincipal() != null) {
        out.append(", retiring principal ").append(grant.retiringPrincipal());
      }
      out.append(forAwsResource ? ", for an AWS resource" : "").append(')');
    }
    if (viaService != null) {
      out.append(" through ").append(viaService);
    }
    return out.toString();
  }
}
