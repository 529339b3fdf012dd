package io.github.asgkms.access;

import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.KeyPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;

/**
 * Keys that every call and probe treats alike. Whatever KMS decides about a key depends on that
 * key alone: its policy, the IAM statements whose resources match it, its grants, and what the
 * spec asks for it. Two keys whose documents are the same once their own ARN and grant name are
 * set aside get the same decisions, through statements at the same places; so one key of each
 * class is evaluated, and the others only when it has findings, to name their own files. With
 * thousands of keys there are a handful of classes: the check costs what a few keys cost.
 */
final class KeyClasses {
  private static final String THE_KEY = "<the key>";
  private static final String THE_NAME = "<the grant's name>";

  private KeyClasses() {}

  /** The plan's keys, grouped into classes, each in plan order. */
  static List<List<KeyPlan>> of(Deployment rendered, AccessWorld renderedWorld,
      Deployment planned, AccessWorld plannedWorld) {
    IdentityStatements renderedIam = new IdentityStatements(renderedWorld);
    IdentityStatements plannedIam = new IdentityStatements(plannedWorld);
    Map<List<Object>, List<KeyPlan>> classes = new LinkedHashMap<>();
    for (KeyPlan key : rendered.plan.keys()) {
      // A launcher role's calls name EC2 in the key's Region: keys in different Regions are
      // told apart even where their documents read the same.
      List<Object> signature = List.of(
          List.of(key.crossAccount(), key.accountId(), key.completePolicy(),
              rendered.plan.roleLaunchers().isEmpty() ? "" : key.region()),
          side(rendered, renderedIam, key), side(planned, plannedIam, key));
      classes.computeIfAbsent(signature, s -> new ArrayList<>()).add(key);
    }
    return new ArrayList<>(classes.values());
  }

  /** One deployment's documents for the key, with the key's own ARN and name set aside. */
  private static List<Object> side(Deployment d, IdentityStatements iam, KeyPlan key) {
    List<Object> side = new ArrayList<>();
    PolicyDocument keyPolicy = d.keyPolicies.get(key.arn());
    side.add(keyPolicy == null ? null : normalized(keyPolicy.statements(), key.arn()));
    side.add(iam.matching(key.arn()));
    // Every grant the spec asks for on the key, one per service-linked launcher: its grantee
    // and operations; the names, which name the key, set aside.
    Map<String, String> plannedNames = new HashMap<>();
    List<Object> planned = new ArrayList<>();
    for (GrantPlan grant : d.plannedGrants(key.arn())) {
      planned.add(List.of(grant.launcher(), grant.granteePrincipal(), grant.operations()));
      plannedNames.put(grant.granteePrincipal(), grant.name());
    }
    side.add(planned);
    List<Object> grants = new ArrayList<>();
    for (GrantDefinition grant : d.grants.getOrDefault(key.arn(), List.of())) {
      GrantRequest r = grant.request();
      grants.add(List.of(replace(grant.keyArn(), key.arn()), r.grantee(), r.operations(),
          r.name() != null && Objects.equals(r.name(), plannedNames.get(r.grantee()))
              ? THE_NAME : String.valueOf(r.name()),
          String.valueOf(r.retiringPrincipal()), grant.retireOnDelete(),
          String.valueOf(grant.caller())));
    }
    side.add(grants);
    return side;
  }

  private static List<Statement> normalized(List<Statement> statements, String keyArn) {
    if (!mentions(statements, keyArn)) {
      return statements; // most key policies name their key by "*": nothing to set aside
    }
    List<Statement> out = new ArrayList<>();
    for (Statement s : statements) {
      out.add(normalized(s, keyArn, s.resources()));
    }
    return out;
  }

  private static Statement normalized(Statement s, String keyArn, List<String> resources) {
    List<String> replaced = new ArrayList<>();
    resources.forEach(r -> replaced.add(replace(r, keyArn)));
    List<ConditionClause> conditions = new ArrayList<>();
    for (ConditionClause c : s.conditions()) {
      List<String> values = new ArrayList<>();
      c.values().forEach(v -> values.add(replace(v, keyArn)));
      conditions.add(new ConditionClause(c.operator(), c.key(), values));
    }
    return new Statement(s.sid(), s.effect(), s.principals(), s.actions(), replaced, conditions,
        s.unsupported());
  }

  private static boolean mentions(List<Statement> statements, String keyArn) {
    for (Statement s : statements) {
      if (s.resources().contains(keyArn)) {
        return true;
      }
      for (ConditionClause c : s.conditions()) {
        if (c.values().contains(keyArn)) {
          return true;
        }
      }
    }
    return false;
  }

  private static String replace(String value, String keyArn) {
    return value.equals(keyArn) ? THE_KEY : value;
  }

  /**
   * The IAM statements that concern a key: those whose resources match it, found through an
   * index of their exact resources; and those that need looking at for every key (a wildcard
   * resource, or an element the model does not evaluate).
   */
  static final class IdentityStatements {
    /** Where a statement stands: identity, document, statement; and the statement itself. */
    record Place(String identity, int document, int index, Statement statement) {}

    private static final java.util.Comparator<Place> ORDER = java.util.Comparator
        .comparing(Place::identity).thenComparingInt(Place::document)
        .thenComparingInt(Place::index);

    private final Map<String, List<Place>> byResource = new HashMap<>();
    private final List<Place> everyKey = new ArrayList<>();
    private final AccessWorld world;

    IdentityStatements(AccessWorld world) {
      this.world = world;
      // Identities in order, so that places sort the same way for every key.
      List<String> identities = new ArrayList<>(world.identityPolicies().keySet());
      identities.sort(null);
      for (String identity : identities) {
        List<PolicyDocument> docs = world.identityPolicies().get(identity);
        for (int d = 0; d < docs.size(); d++) {
          List<Statement> statements = docs.get(d).statements();
          for (int i = 0; i < statements.size(); i++) {
            Statement s = statements.get(i);
            Place place = new Place(identity, d, i, s);
            boolean pattern = !s.unsupported().isEmpty();
            for (String resource : s.resources()) {
              if (resource.indexOf('*') >= 0 || resource.indexOf('?') >= 0) {
                pattern = true;
              } else {
                byResource.computeIfAbsent(resource, r -> new ArrayList<>()).add(place);
              }
            }
            if (pattern) {
              everyKey.add(place);
            }
          }
        }
      }
    }

    /**
     * Each statement that concerns the key, by identity and content, the key's ARN set
     * aside; in the order of {@link #places}, so that the n-th of one key stands where the
     * n-th of another key of its class does.
     */
    List<Object> matching(String keyArn) {
      List<Object> out = new ArrayList<>();
      for (Place place : places(keyArn)) {
        // A statement on every resource concerns every key alike: it tells no key apart.
        if (!place.statement().resources().contains("*")) {
          out.add(List.of(place.identity(), normalized(place.statement(), keyArn,
              List.of(THE_KEY))));
        }
      }
      return out;
    }

    /** Where the statements that concern the key stand, by identity, document, statement. */
    List<Place> places(String keyArn) {
      List<Place> places = new ArrayList<>(byResource.getOrDefault(keyArn, List.of()));
      for (Place place : everyKey) {
        // By identity: a statement with both kinds of resource is in both lists.
        boolean listed = false;
        for (Place p : places) {
          listed |= p.statement() == place.statement();
        }
        if (!listed && (!place.statement().unsupported().isEmpty()
            || world.index(place.statement()).matchesResource(keyArn))) {
          places.add(place);
        }
      }
      places.sort(ORDER);
      return places;
    }
  }
}
