package io.github.asgkms.access;

import io.github.asgkms.access.AccessFinding.Kind;
import io.github.asgkms.access.Decision.Outcome;
import io.github.asgkms.access.SequenceData.Expect;
import io.github.asgkms.access.SequenceData.Sequence;
import io.github.asgkms.access.SequenceData.Step;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.LauncherPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Replays the sequences for one deployment: each service-linked launcher's launch on the keys
 * of its own account, the grant manager's sequence for every grant, that is for every key in
 * another account and service-linked launcher (the launcher launching on the key in between),
 * the launch of each launcher that is a role of the user's own on every key, through EC2, and
 * the key account's administration of a complete key policy. Each call runs in
 * the rendered lane and in the plan's lane; a call the rendered output refuses, or that
 * comes out otherwise than expected, is a finding that names the planned statement or grant.
 */
final class Replay {
  private final SequenceLoader.Loaded data;
  private final Lane renderedBase;
  private final Lane plannedBase;
  final List<AccessFinding> findings = new ArrayList<>();
  /** What was called and how it came out, for the tests: "sequence/step key: outcome". */
  final List<String> trace = new ArrayList<>();

  Replay(SequenceLoader.Loaded data, Deployment rendered, Deployment planned) {
    this.data = data;
    this.renderedBase = new Lane(rendered, rendered.world());
    this.plannedBase = new Lane(planned, planned.world());
  }

  String format() {
    return renderedBase.deployment.label;
  }

  /** Every sequence, for every key. */
  List<AccessFinding> run() {
    runOnce();
    for (KeyPlan key : renderedBase.deployment.plan.keys()) {
      runKey(key);
    }
    return findings;
  }

  /** What the grant manager calls once, whatever the keys: the CLI's account check. */
  void runOnce() {
    Sequence manager = data.sequences().get(renderedBase.deployment.manager.id());
    List<GrantPlan> grants = renderedBase.deployment.plan.grants();
    if (!grants.isEmpty() && !manager.once().isEmpty()) {
      steps(manager, manager.once(), key(grants.get(0).keyArn()), renderedBase.fresh(),
          plannedBase.fresh());
    }
  }

  /**
   * Every sequence for one key: each service-linked launcher's launch on a key of its own
   * account, the grant manager's sequence for each grant on a key in another account (with the
   * launch in it), each launcher role's launch through EC2, the key account's administration
   * of a complete key policy. Nothing here depends on another key.
   */
  void runKey(KeyPlan key) {
    Deployment d = renderedBase.deployment;
    for (LauncherPlan launcher : d.plan.launchers()) {
      if (!launcher.serviceLinked()) {
        Sequence launch = data.sequences().get("launch-own-role");
        steps(launch, launch.perKey(), key, renderedLane(launcher), plannedLane(launcher));
      } else if (!key.crossAccount()) {
        Sequence launch = data.sequences().get("launch");
        steps(launch, launch.perKey(), key, renderedLane(launcher), plannedLane(launcher));
      } else if (d.plannedGrant(key.arn(), launcher.roleArn()) != null) {
        Sequence manager = data.sequences().get(d.manager.id());
        if (manager.scenarios().isEmpty()) {
          steps(manager, manager.perGrant(), key, renderedLane(launcher),
              plannedLane(launcher));
        } else {
          new CloudFormationReplay(this, manager).run(key, launcher);
        }
      }
    }
    Sequence administration = data.sequences().get("key-administration");
    steps(administration, administration.perKey(), key, renderedBase.fresh(),
        plannedBase.fresh());
  }

  Lane renderedLane(LauncherPlan launcher) {
    return renderedBase.fresh(launcher);
  }

  Lane plannedLane(LauncherPlan launcher) {
    return plannedBase.fresh(launcher);
  }

  KeyPlan key(String arn) {
    for (KeyPlan key : renderedBase.deployment.plan.keys()) {
      if (key.arn().equals(arn)) {
        return key;
      }
    }
    throw new IllegalStateException("no key " + arn);
  }

  /** Starts a fresh list of findings, for the next key. */
  List<AccessFinding> takeFindings() {
    List<AccessFinding> taken = new ArrayList<>(findings);
    findings.clear();
    return taken;
  }

  /**
   * Runs steps in order for one key, both lanes; stops at the first that fails, since the
   * rest depend on it. Returns whether every step came out as expected.
   */
  boolean steps(Sequence sequence, List<Step> steps, KeyPlan key, Lane rendered,
      Lane planned) {
    for (Step step : steps) {
      if (!applies(step, key, rendered)) {
        continue;
      }
      if (step.replay() != null) {
        Sequence inner = data.sequences().get(step.replay());
        if (!steps(inner, inner.perKey(), key, rendered, planned)) {
          return false;
        }
        continue;
      }
      if (!call(sequence, step, key, rendered, planned)) {
        return false;
      }
    }
    return true;
  }

  private boolean applies(Step step, KeyPlan key, Lane lane) {
    if (step.when() != null && !binding(step.when(), key, lane)) {
      return false;
    }
    if (step.unless() != null && binding(step.unless(), key, lane)) {
      return false;
    }
    return switch (step.keys()) {
      case SAME_ACCOUNT -> !key.crossAccount();
      case OTHER_ACCOUNT -> key.crossAccount();
      case COMPLETE_POLICY -> key.completePolicy();
      case GRANTED -> !key.crossAccount() || lane.grantedOperations(key).contains(step.call());
      case ALL -> true;
    };
  }

  private boolean binding(String name, KeyPlan key, Lane lane) {
    if (name.equals("grant.retireOnDelete")) {
      GrantDefinition grant = lane.grantFor(key);
      return grant != null && grant.retireOnDelete();
    }
    throw new IllegalStateException("unknown binding " + name);
  }

  /** One call in both lanes, checked against the step's expectation. */
  private boolean call(Sequence sequence, Step step, KeyPlan key, Lane rendered,
      Lane planned) {
    String where = sequence.title() + ", step '" + step.name() + "'"
        + (key == null ? "" : " for key " + key.name()
            + PlanFacts.forLauncher(rendered.deployment.plan, rendered.launcher));
    if (step.call().equals("sts:GetCallerIdentity")) {
      return stsRegions(sequence, step, where, rendered);
    }
    String caller = rendered.caller(sequence.caller(), key);
    if (caller == null || ("forTheVolume".equals(step.grant())
        && rendered.grantRequest(step.grant(), key) == null)) {
      return true; // no such caller here, or no operation of the volume's grant is granted
    }
    Call actual = Call.make(rendered, sequence.caller(), step.call(), step.grant(),
        step.forAwsResource(), key, sequence.viaService());
    Call expected = Call.make(planned, sequence.caller(), step.call(), step.grant(),
        step.forAwsResource(), key, sequence.viaService());
    trace.add(sequence.id() + "/" + step.name() + " " + traced(key, rendered) + ": "
        + actual.outcome());
    if (actual.missingGrant != null) {
      findings.add(new AccessFinding(Kind.MISSING, format(), where, step.call() + " on "
          + key.arn(), caller, actual.missingGrant + " (source: " + source(sequence, step)
          + ")"));
      return false;
    }
    if (actual.satisfies(step.expect())) {
      return true;
    }
    String detail = actual.decision.allowed()
        ? (step.expect() == Expect.REFUSED ? Explain.excess(actual.decision)
            : step.expect() == Expect.LISTED ? "the grant is not listed"
                : "the grant is still listed")
        : Explain.missing(actual.decision, expected.decision, rendered.world,
            actual.request);
    findings.add(new AccessFinding(actual.decision.allowed() && step.expect() == Expect.REFUSED
        ? Kind.EXCESS : Kind.MISSING, format(), where, actual.request.toString() + " on "
        + key.arn(), caller, detail + " (source: " + source(sequence, step) + ")"));
    return false;
  }

  /** How the trace names a key: with the lane's launcher, where the spec has another. */
  static String traced(KeyPlan key, Lane lane) {
    return key.name() + (PlanFacts.namesLaunchers(lane.deployment.plan) && lane.launcher != null
        ? " " + lane.launcher.id() : "");
  }

  private static String source(Sequence sequence, Step step) {
    return sequence.source() + (step.source() == null ? "" : "; " + step.source());
  }

  /** The CLI script must name a Region of the spec's partition for STS. */
  private boolean stsRegions(Sequence sequence, Step step, String where, Lane rendered) {
    boolean ok = true;
    for (RenderedDocuments.StsCall sts : rendered.deployment.stsCalls) {
      trace.add(sequence.id() + "/" + step.name() + ": " + sts.region() + ", in "
          + rendered.deployment.plan.partition().id());
      if (sts.region() == null
          || !rendered.deployment.plan.partition().containsRegion(sts.region())) {
        findings.add(new AccessFinding(Kind.MISSING, format(), where,
            "sts:GetCallerIdentity (" + sts.origin() + ")", null, sts.region() == null
                ? "it names no Region: with none configured the AWS CLI sends it to the"
                    + " global endpoint of the aws partition, where credentials of "
                    + rendered.deployment.plan.partition().id() + " are not valid"
                : "Region " + sts.region() + " is not in partition "
                    + rendered.deployment.plan.partition().id()));
        ok = false;
      }
    }
    return ok;
  }

  void add(AccessFinding finding) {
    findings.add(finding);
  }

  /** One call made in one lane, with its result. */
  static final class Call {
    KmsRequest request;
    Decision decision;
    Boolean listed;
    /** Set when the call cannot even be made: the grant it needs is not in the output. */
    String missingGrant;

    String outcome() {
      if (missingGrant != null) {
        return "no grant";
      }
      String o = decision.outcome().name().toLowerCase(java.util.Locale.ROOT);
      return listed == null ? o : o + (listed ? ", listed" : ", not listed");
    }

    boolean satisfies(Expect expect) {
      return switch (expect) {
        case ALLOWED -> decision.allowed();
        case REFUSED -> decision.outcome() == Outcome.REFUSED;
        case LISTED -> decision.allowed() && Boolean.TRUE.equals(listed);
        case NOT_LISTED -> decision.allowed() && Boolean.FALSE.equals(listed);
        case REFUSED_AS_PLANNED -> throw new IllegalStateException("a probe's expectation");
      };
    }

    /** Makes the call in the lane, updating its grant state as KMS would. */
    static Call make(Lane lane, String callerName, String operation, String grantKind,
        boolean forAwsResource, KeyPlan key, String viaService) {
      Call call = new Call();
      String caller = lane.caller(callerName, key);
      String through = viaService == null ? null : lane.service(viaService, key);
      String id = lane.grantIds.get(key.arn());
      switch (operation) {
        case "CreateGrant" -> {
          GrantRequest grant = lane.grantRequest(grantKind == null ? "planned" : grantKind,
              key);
          if (grant == null) {
            call.missingGrant = "no grant on " + key.name() + " in the " + lane.deployment.label
                + " output: the planned grant is missing";
            return call;
          }
          call.request = KmsRequest.createGrant(caller, key.arn(), grant, forAwsResource)
              .through(through);
          call.decision = KmsAuthorizer.decide(lane.world, call.request);
          if (call.decision.allowed() && !forAwsResource) {
            GrantDefinition definition = lane.grantFor(key);
            String origin = definition == null ? "CreateGrant" : definition.origin();
            lane.grantIds.put(key.arn(), lane.world.grants().create(key.arn(), grant, origin)
                .id());
          }
        }
        case "ListGrants" -> {
          call.request = KmsRequest.of(caller, operation, key.arn()).through(through);
          call.decision = KmsAuthorizer.decide(lane.world, call.request);
          if (call.decision.allowed()) {
            call.listed = id != null && lane.world.grants().find(key.arn(), id) != null;
          }
        }
        case "RetireGrant", "RevokeGrant" -> {
          call.request = KmsRequest.onGrant(caller, operation, key.arn(), id).through(through);
          call.decision = KmsAuthorizer.decide(lane.world, call.request);
          if (call.decision.allowed() && operation.equals("RevokeGrant")
              && lane.world.grants().find(key.arn(), id) == null) {
            call.decision = new Decision(Outcome.NOT_FOUND, Decision.Gap.NONE,
                "no grant " + id, List.of(), List.of());
          }
          if (call.decision.allowed()) {
            lane.world.grants().delete(key.arn(), id);
          }
        }
        default -> {
          call.request = KmsRequest.of(caller, operation, key.arn()).through(through);
          call.decision = KmsAuthorizer.decide(lane.world, call.request);
        }
      }
      return call;
    }
  }
}
