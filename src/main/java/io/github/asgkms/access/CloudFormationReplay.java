package io.github.asgkms.access;

import io.github.asgkms.access.AccessFinding.Kind;
import io.github.asgkms.access.Decision.Outcome;
import io.github.asgkms.access.SequenceData.Event;
import io.github.asgkms.access.SequenceData.Handler;
import io.github.asgkms.access.SequenceData.Scenario;
import io.github.asgkms.access.SequenceData.Sequence;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.LauncherPlan;
import java.util.ArrayDeque;
import java.util.Deque;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * Replays the CloudFormation scenarios for each grant: what CloudFormation sends the function
 * (Create, Update, Delete, the cleanup Delete after a replacement or a rollback), the function's
 * KMS calls for each, and CloudFormation's physical IDs. After every event, every physical ID
 * the stack still holds (the current one, and those it will delete in the cleanup phase) must
 * name a grant that exists: Auto Scaling is never left without a grant the stack believes in.
 * At the end, no grant is left that the stack does not know of.
 */
final class CloudFormationReplay {
  private final Replay replay;
  private final Sequence sequence;

  CloudFormationReplay(Replay replay, Sequence sequence) {
    this.replay = replay;
    this.sequence = sequence;
  }

  /** Every scenario for the grant on one key for one service-linked launcher. */
  void run(KeyPlan key, LauncherPlan launcher) {
    for (Scenario scenario : sequence.scenarios()) {
      new Run(scenario, key, launcher).play();
    }
  }

  /** A physical resource as CloudFormation holds it: its ID and the properties it had. */
  private record Physical(String id, GrantRequest properties, boolean created) {}

  /** One scenario for one grant. */
  private final class Run {
    private final Scenario scenario;
    private final KeyPlan key;
    private final Lane rendered;
    private final Lane planned;
    private Physical current;
    private String firstId;
    private final Deque<Physical> cleanup = new ArrayDeque<>();
    private int requests;

    Run(Scenario scenario, KeyPlan key, LauncherPlan launcher) {
      this.scenario = scenario;
      this.key = key;
      this.rendered = replay.renderedLane(launcher);
      this.planned = replay.plannedLane(launcher);
    }

    private String where(Event event) {
      return sequence.title() + ", scenario '" + scenario.name() + "', "
          + (event.request() != null ? event.request() : "replay " + event.replay())
          + " for key " + key.name() + PlanFacts.forLauncher(rendered.deployment.plan,
              rendered.launcher);
    }

    void play() {
      for (Event event : scenario.events()) {
        if (!event(event) || !invariant(event)) {
          return;
        }
      }
      Set<String> known = believed();
      for (Grant grant : rendered.world.grants().list(key.arn())) {
        if (!known.contains(grant.id())) {
          fail(Kind.BROKEN_INVARIANT, scenario.events().get(scenario.events().size() - 1),
              null, grant.label() + " " + grant.id() + " is left on the key, and the stack"
                  + " knows nothing of it");
        }
      }
    }

    private boolean event(Event event) {
      if (event.replay() != null) {
        Sequence inner = replayed(event.replay());
        return replay.steps(inner, inner.perKey(), key, rendered, planned);
      }
      requests++;
      String requestId = "request-" + requests;
      return switch (event.request()) {
        case "Create" -> create(event, requestId);
        case "Update" -> update(event);
        case "Delete" -> delete(event);
        default -> throw new IllegalStateException("unknown request " + event.request());
      };
    }

    private Sequence replayed(String id) {
      return SequenceLoader.load().sequences().get(id);
    }

    private boolean create(Event event, String requestId) {
      GrantRequest properties = properties(event);
      if (properties == null) {
        return missingGrant(event);
      }
      if (event.fails()) {
        current = new Physical("not-created:" + requestId, properties, false);
        return true;
      }
      String id = createGrant(event, properties);
      if (id == null) {
        return false;
      }
      current = new Physical(id, properties, true);
      firstId = id;
      return true;
    }

    private boolean update(Event event) {
      GrantRequest properties = properties(event);
      if (properties == null) {
        return missingGrant(event);
      }
      String id = createGrant(event, properties);
      if (id == null) {
        return false;
      }
      String expect = event.expect();
      if ("samePhysicalId".equals(expect) && !id.equals(current.id())
          || "newPhysicalId".equals(expect) && id.equals(current.id())
          || "firstPhysicalId".equals(expect) && !id.equals(firstId)) {
        fail(Kind.BROKEN_INVARIANT, event, null, "the function answered physical ID " + id
            + " where " + expect + " was expected (it had " + current.id() + ")");
        return false;
      }
      if (!id.equals(current.id())) {
        // CloudFormation deletes the physical ID it replaced in the cleanup phase; one that
        // comes back, as on rollback, is no longer to be deleted.
        cleanup.add(current);
        cleanup.removeIf(p -> p.id().equals(id));
      }
      current = new Physical(id, properties, true);
      return true;
    }

    private boolean delete(Event event) {
      Physical target = "cleanup".equals(event.target()) ? cleanup.poll() : current;
      if (target == null) {
        fail(Kind.BROKEN_INVARIANT, event, null, "nothing to delete for target "
            + event.target());
        return false;
      }
      if ("current".equals(event.target())) {
        current = null;
      }
      Handler handler = sequence.handlers().get("Delete");
      if (handler.skipPrefix() != null && target.id().startsWith(handler.skipPrefix())) {
        replay.trace.add(sequence.id() + "/" + scenario.name() + "/Delete "
            + Replay.traced(key, rendered)
            + ": no call");
        return true; // no KMS call: noCall holds
      }
      if ("noCall".equals(event.expect())) {
        fail(Kind.BROKEN_INVARIANT, event, null, "the function would call "
            + handler.call() + " for physical ID " + target.id());
        return false;
      }
      rendered.grantIds.put(key.arn(), target.id());
      planned.grantIds.put(key.arn(), plannedId(target));
      Replay.Call call = Replay.Call.make(rendered, sequence.caller(), handler.call(), null,
          false, key, null);
      Replay.Call expected = Replay.Call.make(planned, sequence.caller(), handler.call(), null,
          false, key, null);
      replay.trace.add(sequence.id() + "/" + scenario.name() + "/Delete "
          + Replay.traced(key, rendered) + ": "
          + call.outcome());
      boolean gone = call.decision.outcome() == Outcome.NOT_FOUND
          && handler.gone().contains("NotFoundException");
      if (!call.decision.allowed() && !gone) {
        fail(Kind.MISSING, event, call.request, Explain.missing(call.decision,
            expected.decision, rendered.world, call.request) + " (source: "
            + handler.source() + ")");
        return false;
      }
      if ("noGrantLeft".equals(event.expect())
          && !rendered.world.grants().list(key.arn()).isEmpty()) {
        fail(Kind.BROKEN_INVARIANT, event, null, "a grant is left on the key after Delete");
        return false;
      }
      return true;
    }

    /** The planned lane's grant with the same properties as the rendered one. */
    private String plannedId(Physical target) {
      for (Grant grant : planned.world.grants().list(key.arn())) {
        if (Objects.equals(grant.name(), target.properties().name())) {
          return grant.id();
        }
      }
      return target.id();
    }

    /** CreateGrant as the function makes it, in both lanes; the rendered grant's ID or null. */
    private String createGrant(Event event, GrantRequest properties) {
      String caller = rendered.caller(sequence.caller(), key);
      KmsRequest request = KmsRequest.createGrant(caller, key.arn(), properties, false);
      Decision decision = KmsAuthorizer.decide(rendered.world, request);
      GrantRequest plannedProperties = "renamed".equals(event.properties())
          ? planned.grantRequest("renamed", key) : planned.grantRequest("rendered", key);
      KmsRequest plannedRequest = KmsRequest.createGrant(planned.caller(sequence.caller(), key),
          key.arn(), plannedProperties, false);
      Decision expected = KmsAuthorizer.decide(planned.world, plannedRequest);
      if (expected.allowed()) {
        planned.world.grants().create(key.arn(), plannedProperties, "planned");
      }
      replay.trace.add(sequence.id() + "/" + scenario.name() + "/" + event.request() + " "
          + Replay.traced(key, rendered) + ": "
          + decision.outcome().name().toLowerCase(java.util.Locale.ROOT));
      if (!decision.allowed()) {
        fail(Kind.MISSING, event, request, Explain.missing(decision, expected, rendered.world,
            request) + " (source: " + sequence.handlers().get(event.request()).source() + ")");
        return null;
      }
      GrantDefinition definition = rendered.grantFor(key);
      return rendered.world.grants().create(key.arn(), properties, definition.origin()).id();
    }

    private GrantRequest properties(Event event) {
      return rendered.grantRequest(event.properties(), key);
    }

    private boolean missingGrant(Event event) {
      fail(Kind.MISSING, event, null, "no Custom::KmsGrant on " + key.name() + " in the "
          + rendered.deployment.label + " output: the planned grant is missing");
      return false;
    }

    /** Every physical ID the stack holds names a grant that exists. */
    private boolean invariant(Event event) {
      for (String id : believed()) {
        if (rendered.world.grants().find(key.arn(), id) == null) {
          fail(Kind.BROKEN_INVARIANT, event, null, "the stack still holds physical ID " + id
              + ", whose grant is gone: Auto Scaling is left without a grant the stack"
              + " believes exists");
          return false;
        }
      }
      return true;
    }

    private Set<String> believed() {
      Set<String> ids = new LinkedHashSet<>();
      if (current != null && current.created()) {
        ids.add(current.id());
      }
      for (Physical p : cleanup) {
        ids.add(p.id());
      }
      return ids;
    }

    private void fail(Kind kind, Event event, KmsRequest request, String detail) {
      String caller = rendered.caller(sequence.caller(), key);
      replay.add(new AccessFinding(kind, replay.format(), where(event)
          + (event.source() == null ? "" : " (" + event.source() + ")"),
          request == null ? null : request + " on " + key.arn(), request == null ? null
              : caller, detail));
    }
  }
}
