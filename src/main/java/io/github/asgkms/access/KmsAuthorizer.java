package io.github.asgkms.access;

import io.github.asgkms.access.Decision.Gap;
import io.github.asgkms.access.Decision.Outcome;
import io.github.asgkms.access.Decision.Source;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;

/**
 * Decides a KMS request as KMS does for the documents this plugin writes (KMS Developer Guide,
 * "Determining access to AWS KMS keys" and "Allowing users in other accounts to use a KMS
 * key"):
 *
 * <ul>
 *   <li>an explicit deny in the key policy or the caller's IAM policies refuses, whatever
 *       allows;
 *   <li>in the key's own account, the key policy allows a principal it names; or, when it names
 *       the account (its root), the caller's IAM policy decides;
 *   <li>from another account, the key policy must allow the caller or its account and the
 *       caller's IAM policy must allow the call too;
 *   <li>a grant allows its grantee its operations, across accounts, with no policy; CreateGrant
 *       through a grant only for operations the grant has (KMS Developer Guide, "Controlling
 *       access to grants");
 *   <li>RetireGrant is decided by the grant: its retiring principal; an account named as
 *       retiring principal, for its identities whose IAM policy allows kms:RetireGrant; or the
 *       grantee when the grant includes RetireGrant (KMS Developer Guide, "Retiring and
 *       revoking grants"). The backup that lets "the account in which the grant was created"
 *       retire it is left out on purpose: nothing generated may rely on it.
 * </ul>
 */
public final class KmsAuthorizer {
  private KmsAuthorizer() {}

  public static Decision decide(AccessWorld world, KmsRequest request) {
    Evaluation e = new Evaluation(world, request);
    Decision denied = e.explicitDeny(true);
    if (denied != null) {
      return denied;
    }
    if (request.operation().equals("RetireGrant")) {
      return e.retire();
    }
    List<Source> direct = e.keyPolicyAllows(true);
    List<Source> account = e.keyPolicyAllows(false);
    List<Source> identity = e.identityAllows();
    boolean sameAccount = e.callerAccount().equals(e.keyAccount());
    if (sameAccount && !direct.isEmpty()) {
      return e.allowed(direct);
    }
    if (!identity.isEmpty()) {
      List<Source> keyPolicy = sameAccount ? account : concat(direct, account);
      if (!keyPolicy.isEmpty()) {
        return e.allowed(concat(keyPolicy, identity));
      }
    }
    List<Source> grants = e.grantAllows();
    if (!grants.isEmpty()) {
      return e.allowed(grants);
    }
    if (direct.isEmpty() && account.isEmpty()) {
      return e.refused(Gap.KEY_POLICY, e.keyPolicyName() + " allows " + request.action()
          + " neither to " + request.caller() + " nor to its account "
          + e.callerAccount() + e.noGrant());
    }
    return e.refused(Gap.IDENTITY_POLICY, e.keyPolicyName() + " lets account "
        + e.callerAccount() + " decide, but no IAM policy of " + request.caller()
        + " allows " + request.action() + " on the key" + e.noGrant());
  }

  /** The caller's IAM policies alone, as if every key policy trusted its account. */
  public static Decision decideIdentityLayer(AccessWorld world, KmsRequest request) {
    Evaluation e = new Evaluation(world, request);
    Decision denied = e.explicitDeny(false);
    if (denied != null) {
      return denied;
    }
    List<Source> identity = e.identityAllows();
    return identity.isEmpty()
        ? e.refused(Gap.IDENTITY_POLICY, "no IAM policy of " + request.caller() + " allows "
            + request.action() + " on the key")
        : e.allowed(identity);
  }

  private static List<Source> concat(List<Source> a, List<Source> b) {
    List<Source> all = new ArrayList<>(a);
    all.addAll(b);
    return all;
  }

  /** One request's evaluation, collecting what it meets that the model does not evaluate. */
  private static final class Evaluation {
    private final AccessWorld world;
    private final KmsRequest request;
    private final Map<String, List<String>> context;
    /** The action, lower-cased once, as IAM compares actions. */
    private final String action;
    private final List<String> notModelled = new ArrayList<>();

    Evaluation(AccessWorld world, KmsRequest request) {
      this.world = world;
      this.request = request;
      this.context = request.context();
      this.action = request.action().toLowerCase(java.util.Locale.ROOT);
    }

    String callerAccount() {
      String account = Principals.account(request.caller());
      return account == null ? "" : account;
    }

    String keyAccount() {
      String[] parts = request.keyArn().split(":");
      return parts.length > 4 ? parts[4] : "";
    }

    String keyPolicyName() {
      PolicyDocument doc = world.keyPolicy(request.keyArn());
      return doc == null ? "no key policy read for " + request.keyArn() + ": it"
          : "the key policy (" + doc.origin() + ")";
    }

    Decision explicitDeny(boolean withKeyPolicy) {
      PolicyDocument keyPolicy = world.keyPolicy(request.keyArn());
      if (withKeyPolicy && keyPolicy != null) {
        for (int i = 0; i < keyPolicy.statements().size(); i++) {
          Statement s = keyPolicy.statements().get(i);
          if (s.effect() == Effect.DENY && (s.principals().stream().anyMatch(
              p -> Principals.namesCaller(p, request.caller())
                  || Principals.namesCallersAccount(p, request.caller()))
              || !s.unsupported().isEmpty()) && applies(keyPolicy, i)) {
            return refused(Gap.EXPLICIT_DENY, "explicitly denied by "
                + keyPolicy.describe(i));
          }
        }
      }
      for (PolicyDocument doc : world.identityPoliciesOf(request.caller())) {
        for (int i = 0; i < doc.statements().size(); i++) {
          if (doc.statements().get(i).effect() == Effect.DENY && applies(doc, i)) {
            return refused(Gap.EXPLICIT_DENY, "explicitly denied by " + doc.describe(i));
          }
        }
      }
      return null;
    }

    /**
     * Allow statements of the key policy that name the caller itself ({@code direct}) or its
     * account's root ({@code !direct}).
     */
    List<Source> keyPolicyAllows(boolean direct) {
      List<Source> sources = new ArrayList<>();
      PolicyDocument keyPolicy = world.keyPolicy(request.keyArn());
      if (keyPolicy == null) {
        return sources;
      }
      for (int i = 0; i < keyPolicy.statements().size(); i++) {
        Statement s = keyPolicy.statements().get(i);
        boolean names = s.principals().stream().anyMatch(p -> direct
            ? !Principals.isAccount(p) && Principals.namesCaller(p, request.caller())
            : Principals.namesCallersAccount(p, request.caller()));
        if (s.effect() == Effect.ALLOW && names && applies(keyPolicy, i)) {
          sources.add(new Source(keyPolicy, i, null));
        }
      }
      return sources;
    }

    List<Source> identityAllows() {
      List<Source> sources = new ArrayList<>();
      for (PolicyDocument doc : world.identityPoliciesOf(request.caller())) {
        for (int i = 0; i < doc.statements().size(); i++) {
          if (doc.statements().get(i).effect() == Effect.ALLOW && applies(doc, i)) {
            sources.add(new Source(doc, i, null));
          }
        }
      }
      return sources;
    }

    List<Source> grantAllows() {
      List<Source> sources = new ArrayList<>();
      if (!KmsActions.isGrantOperation(request.operation())) {
        return sources;
      }
      for (Grant grant : world.grants().list(request.keyArn())) {
        if (Principals.namesCaller(grant.grantee(), request.caller())
            && grant.operations().contains(request.operation())
            && (request.grant() == null
                || grant.operations().containsAll(request.grant().operations()))) {
          sources.add(new Source(null, 0, grant));
        }
      }
      return sources;
    }

    String noGrant() {
      return KmsActions.isGrantOperation(request.operation())
          ? ", and no grant on the key gives it to the caller" : "";
    }

    Decision retire() {
      Grant grant = world.grants().find(request.keyArn(), request.grantId());
      if (grant == null) {
        return new Decision(Outcome.NOT_FOUND, Gap.NONE, "no grant " + request.grantId()
            + " on " + request.keyArn(), List.of(), notModelled);
      }
      Source source = new Source(null, 0, grant);
      String retiring = grant.retiringPrincipal();
      if (retiring != null && !Principals.isAccount(retiring)
          && Principals.namesCaller(retiring, request.caller())) {
        return allowed(List.of(source));
      }
      if (Principals.namesCaller(grant.grantee(), request.caller())
          && grant.operations().contains("RetireGrant")) {
        return allowed(List.of(source));
      }
      if (retiring != null && Principals.namesCallersAccount(retiring, request.caller())) {
        List<Source> identity = identityAllows();
        if (!identity.isEmpty()) {
          List<Source> all = new ArrayList<>(List.of(source));
          all.addAll(identity);
          return allowed(all);
        }
        return refused(Gap.RETIREMENT, grant.label() + " names account " + callerAccount()
            + " as its retiring principal, and no IAM policy of " + request.caller()
            + " allows kms:RetireGrant on the key");
      }
      return refused(Gap.RETIREMENT, request.caller() + " is neither the retiring principal of "
          + grant.label() + " (" + (retiring == null ? "none" : retiring)
          + ") nor its grantee with RetireGrant; the backup by the account in which the grant"
          + " was created is not relied on");
    }

    /** Whether statement {@code index} applies to this request, apart from its principal. */
    private boolean applies(PolicyDocument doc, int index) {
      Statement s = doc.statements().get(index);
      boolean deny = s.effect() == Effect.DENY;
      if (!s.unsupported().isEmpty()) {
        notModelled.add(doc.describe(index) + ": " + String.join(", ", s.unsupported())
            + " not modelled");
        return deny;
      }
      StatementIndex matcher = world.index(s);
      if (!matcher.matchesAction(action) || !matcher.matchesResource(request.keyArn())) {
        return false;
      }
      boolean unsupported = false;
      for (ConditionClause clause : s.conditions()) {
        Conditions.Result result = Conditions.evaluate(clause, context);
        if (result == Conditions.Result.NO_MATCH) {
          return false;
        }
        if (result == Conditions.Result.UNSUPPORTED) {
          unsupported = true;
          notModelled.add(doc.describe(index) + ": condition " + clause + " not modelled");
        }
      }
      return !unsupported || deny;
    }

    Decision allowed(List<Source> sources) {
      return new Decision(Outcome.ALLOWED, Gap.NONE, "allowed", sources, notModelled);
    }

    Decision refused(Gap gap, String reason) {
      return new Decision(Outcome.REFUSED, gap, reason, List.of(), notModelled);
    }
  }
}
