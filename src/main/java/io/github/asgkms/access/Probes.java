package io.github.asgkms.access;

import io.github.asgkms.access.AccessFinding.Kind;
import io.github.asgkms.access.Decision.Source;
import io.github.asgkms.access.SequenceData.Expect;
import io.github.asgkms.access.SequenceData.Probe;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.LauncherPlan;
import java.util.ArrayList;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Set;

/**
 * The probes: calls that must be refused, or refused wherever the plan's documents refuse
 * them, made once the grants are in place. They find excess access only. And a scan of every principal the rendered
 * documents name: one the spec never named must be allowed nothing by anything that names it.
 */
final class Probes {
  private final Lane rendered;
  private final Lane planned;
  private final String format;
  final List<AccessFinding> findings = new ArrayList<>();

  Probes(Deployment renderedDeployment, Deployment plannedDeployment) {
    this.rendered = deployed(renderedDeployment);
    this.planned = deployed(plannedDeployment);
    this.format = renderedDeployment.label;
  }

  /** The deployment with every grant its manager is to create in place, as rendered. */
  static Lane deployed(Deployment deployment) {
    Lane lane = new Lane(deployment, deployment.world());
    deployment.grants.forEach((key, definitions) -> {
      for (GrantDefinition grant : definitions) {
        lane.world.grants().create(key, grant.request(), grant.origin());
      }
    });
    return lane;
  }

  /** Every probe on every key, and the principals the spec never named. */
  List<AccessFinding> run(List<Probe> probes) {
    for (KeyPlan key : rendered.deployment.plan.keys()) {
      runKey(probes, key);
    }
    unnamedPrincipals();
    return findings;
  }

  /**
   * Every probe on one key: nothing here depends on another key. A probe whose caller is a
   * launcher runs for each launcher of that kind, as that launcher; the others once.
   */
  void runKey(List<Probe> probes, KeyPlan key) {
    for (Probe probe : probes) {
      for (String callerName : probe.callers()) {
        if (!appliesTo(probe, key)) {
          continue;
        }
        switch (callerName) {
          case "serviceLinkedRole", "launcherRole" -> {
            for (LauncherPlan launcher : rendered.deployment.plan.launchers()) {
              if (launcher.serviceLinked() == callerName.equals("serviceLinkedRole")) {
                probe(probe, callerName, key, rendered.as(launcher), planned.as(launcher));
              }
            }
          }
          default -> probe(probe, callerName, key, rendered, planned);
        }
      }
    }
  }

  /** The scan for principals the spec never named, over every key. */
  List<AccessFinding> runGlobal() {
    unnamedPrincipals();
    return findings;
  }

  /** Starts a fresh list of findings, for the next key. */
  List<AccessFinding> takeFindings() {
    List<AccessFinding> taken = new ArrayList<>(findings);
    findings.clear();
    return taken;
  }

  private static boolean appliesTo(Probe probe, KeyPlan key) {
    return switch (probe.keys()) {
      case ALL, GRANTED -> true;
      case SAME_ACCOUNT -> !key.crossAccount();
      case OTHER_ACCOUNT -> key.crossAccount();
      case COMPLETE_POLICY -> key.completePolicy();
    };
  }

  private void probe(Probe probe, String callerName, KeyPlan key, Lane rendered,
      Lane planned) {
    String caller = rendered.caller(callerName, key);
    String plannedCaller = planned.caller(callerName, key);
    if (caller == null) {
      return; // no such caller for this spec
    }
    for (String operation : calls(probe, key, planned)) {
      List<String> kinds = operation.equals("CreateGrant") && !probe.grants().isEmpty()
          ? probe.grants() : List.of("planned");
      for (String kind : kinds) {
        Decision actual = decide(rendered, probe, caller, operation, kind, key);
        if (actual == null || !actual.allowed()) {
          continue;
        }
        if (probe.expect() == Expect.REFUSED_AS_PLANNED) {
          Decision expected = decide(planned, probe, plannedCaller, operation, kind, key);
          if (expected != null && expected.allowed()) {
            continue;
          }
        }
        KmsRequest request = request(rendered, caller, operation, kind, key,
            probe.forAwsResource(), probe.viaService());
        String where = "probe '" + probe.name() + "'" + (probe.layer().equals("identity")
            ? " (IAM policies alone)" : "") + " on key " + key.name()
            + (rendered.launcher != null && rendered.caller(callerName, key) != null
                && isLauncher(callerName)
                ? PlanFacts.forLauncher(rendered.deployment.plan, rendered.launcher) : "");
        findings.add(new AccessFinding(Kind.EXCESS, format, where, request + " on " + key.arn(),
            caller, Explain.excess(actual) + " (" + probe.source() + ")"));
      }
    }
  }

  private static boolean isLauncher(String callerName) {
    return callerName.equals("serviceLinkedRole") || callerName.equals("launcherRole");
  }

  /** The probe's operations; notGranted: those the spec does not grant on the key. */
  private static List<String> calls(Probe probe, KeyPlan key, Lane planned) {
    List<String> calls = new ArrayList<>();
    for (String call : probe.calls()) {
      switch (call) {
        case "everyKeyAction" -> calls.addAll(KmsActions.ON_A_KEY);
        case "notGranted" -> {
          List<String> notGranted = new ArrayList<>(KmsActions.ON_A_KEY);
          notGranted.removeAll(planned.grantedOperations(key));
          calls.addAll(notGranted);
        }
        default -> calls.add(call);
      }
    }
    return calls;
  }

  private Decision decide(Lane lane, Probe probe, String caller, String operation,
      String kind, KeyPlan key) {
    if (caller == null) {
      return null;
    }
    KmsRequest request = request(lane, caller, operation, kind, key, probe.forAwsResource(),
        probe.viaService());
    if (request == null) {
      return null;
    }
    return probe.layer().equals("identity")
        ? KmsAuthorizer.decideIdentityLayer(lane.world, request)
        : KmsAuthorizer.decide(lane.world, request);
  }

  private static KmsRequest request(Lane lane, String caller, String operation, String kind,
      KeyPlan key, boolean forAwsResource, String viaService) {
    String through = viaService == null ? null : lane.service(viaService, key);
    if (viaService != null && through == null) {
      return null; // no such service to try for this spec
    }
    if (operation.equals("CreateGrant")) {
      GrantRequest grant = lane.grantRequest(kind, key);
      return grant == null ? null
          : KmsRequest.createGrant(caller, key.arn(), grant, forAwsResource).through(through);
    }
    if (operation.equals("RevokeGrant")) {
      List<Grant> grants = lane.world.grants().list(key.arn());
      return KmsRequest.onGrant(caller, operation, key.arn(),
          grants.isEmpty() ? "0".repeat(64) : grants.get(0).id()).through(through);
    }
    return KmsRequest.of(caller, operation, key.arn()).through(through);
  }

  /**
   * Every principal the rendered documents name that the spec does not, tried with every
   * action on every key as the worst it could be: an identity whose IAM policy allows kms:*.
   * A call allowed by something that names that principal itself is excess access.
   */
  private void unnamedPrincipals() {
    Set<String> named = named(planned.deployment);
    named.addAll(named(rendered.deployment));
    for (String principal : mentioned(rendered.deployment)) {
      if (named.contains(principal)) {
        continue;
      }
      String caller = principal.equals("*")
          ? Principals.session(Principals.role(rendered.deployment.plan.partition().id(),
              rendered.deployment.strangerAccount(), Deployment.ADMINISTRATOR), "probe")
          : asCaller(principal);
      if (caller == null) {
        findings.add(new AccessFinding(Kind.UNREADABLE, format, "principals the spec never"
            + " named", null, principal, "not a principal the model can stand a caller for"));
        continue;
      }
      AccessWorld world = rendered.world.withIdentity(
          Principals.identityOf(caller, rendered.world.identityPolicies().keySet()),
          withAdministrator(rendered.world.identityPoliciesOf(caller)));
      for (KeyPlan key : rendered.deployment.plan.keys()) {
        for (String operation : KmsActions.ON_A_KEY) {
          KmsRequest request = request(rendered, caller, operation, "planned", key, false,
              null);
          Decision decision = KmsAuthorizer.decide(world, request);
          List<String> naming = naming(decision, principal, caller);
          if (decision.allowed() && !naming.isEmpty()) {
            findings.add(new AccessFinding(Kind.EXCESS, format, "a principal the spec never"
                + " named, on key " + key.name(), request + " on " + key.arn(), principal,
                "allowed by " + String.join(" and ", naming)));
            break;
          }
        }
      }
    }
  }

  private static List<PolicyDocument> withAdministrator(List<PolicyDocument> own) {
    List<PolicyDocument> docs = new ArrayList<>(own);
    docs.add(Deployment.administratorPolicy());
    return docs;
  }

  /** The sources of a decision that name the principal itself, or are its own policies. */
  private List<String> naming(Decision decision, String principal, String caller) {
    List<String> naming = new ArrayList<>();
    for (Source source : decision.sources()) {
      if (source.grant() != null) {
        if (source.grant().grantee().equals(principal)
            || principal.equals(source.grant().retiringPrincipal())) {
          naming.add(source.describe());
        }
      } else if (source.statement().principals().contains(principal)
          || rendered.world.identityPoliciesOf(caller).contains(source.document())) {
        naming.add(source.describe());
      }
    }
    return naming;
  }

  private String asCaller(String principal) {
    if (Principals.isAccount(principal)) {
      String account = Principals.account(principal);
      return Principals.session(Principals.role(rendered.deployment.plan.partition().id(),
          account, Deployment.ADMINISTRATOR), "probe");
    }
    if (Principals.isRole(principal)) {
      return Principals.session(principal, "probe");
    }
    return Principals.account(principal) != null ? principal : null;
  }

  /** The principals the spec names, and the identities the model stands in for them. */
  private static Set<String> named(Deployment d) {
    Set<String> named = new LinkedHashSet<>();
    String partition = d.plan.partition().id();
    for (LauncherPlan launcher : d.plan.launchers()) {
      named.add(launcher.roleArn());
    }
    for (String account : d.accounts()) {
      named.add(Principals.root(partition, account));
      named.add(account);
    }
    named.add(d.plan.grantCreatorArn());
    named.add(d.creator);
    if (d.functionRole != null) {
      named.add(d.functionRole);
    }
    return named;
  }

  /** Every principal the deployment's documents and grants name. */
  private static Set<String> mentioned(Deployment d) {
    Set<String> mentioned = new LinkedHashSet<>();
    for (PolicyDocument doc : d.keyPolicies.values()) {
      for (Statement s : doc.statements()) {
        mentioned.addAll(s.principals());
      }
    }
    d.grants.values().forEach(list -> list.forEach(g -> {
      mentioned.add(g.request().grantee());
      if (g.request().retiringPrincipal() != null) {
        mentioned.add(g.request().retiringPrincipal());
      }
    }));
    mentioned.addAll(d.identities.keySet());
    return mentioned;
  }
}
