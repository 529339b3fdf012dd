package io.github.asgkms.access;

import io.github.asgkms.access.Decision.Source;
import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.LauncherPlan;
import io.github.asgkms.render.OutputPaths;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeSet;

/**
 * The tables of ACCESS.md: for each account folder of a format, a table per key that the
 * folder's files concern (the keys it owns; for the Auto Scaling account, also the keys its
 * grants and IAM policies reach). Each row is what the access model finds a principal may do
 * with the key once the whole format's output is applied, and the statements and grants that
 * allow it. Built from one format's output and the plan alone, so that its content never
 * depends on which other formats are generated.
 */
public final class AccessTables {
  private AccessTables() {}

  /**
   * One ACCESS.md.
   *
   * @param path where it goes, under the output directory
   * @param format the format whose files it describes
   * @param accountId the account
   * @param autoScalingAccount whether the account owns the Auto Scaling groups
   * @param grantManager the spec's grantManager
   * @param keys a table per key
   */
  public record Page(String path, String format, String accountId, boolean autoScalingAccount,
      String grantManager, List<KeyTable> keys) {}

  /** The table of one key. */
  public record KeyTable(String name, String arn, String accountId, boolean crossAccount,
      List<Row> rows) {}

  /**
   * What one principal may do with the key, through the same statements and grants.
   *
   * @param principal the principal's ARN, or an account for "its identities"
   * @param who who that is, in words
   * @param actions the actions, or a single {@code kms:*} for every action on a key
   * @param conditions the conditions of the statements that allow them
   * @param sources the statements and grants that allow them
   */
  public record Row(String principal, String who, List<String> actions, List<String> conditions,
      List<String> sources) {}

  /** The pages of one format's output. */
  static List<Page> pages(FormatAccess access) {
    Deployment d = access.deployment();
    Lane lane = Probes.deployed(d);
    Map<String, KeyTable> tables = new LinkedHashMap<>();
    // Keys every call treats alike get the same rows, through statements at the same places:
    // one key of each class is evaluated, and each key's rows name its own files.
    KeyClasses.IdentityStatements iam = new KeyClasses.IdentityStatements(lane.world);
    for (List<KeyPlan> members : access.classes()) {
      List<Shape> shapes = shapes(lane, iam, members.get(0));
      for (KeyPlan key : members) {
        tables.put(key.arn(), table(lane, iam, key, shapes));
      }
    }
    List<Page> pages = new ArrayList<>();
    for (AccountPlan account : d.plan.accounts()) {
      List<KeyTable> keys = new ArrayList<>();
      for (KeyPlan key : account.keys()) {
        keys.add(tables.get(key.arn()));
      }
      if (account.autoScalingAccount()) {
        // The keys in other accounts that its grants and launcher roles' policies reach,
        // each once, in plan order.
        Set<String> reached = new LinkedHashSet<>();
        for (GrantPlan grant : d.plan.grants()) {
          reached.add(grant.keyArn());
        }
        if (!account.launcherRolePolicies().isEmpty()) {
          for (KeyPlan key : d.plan.keys()) {
            if (key.crossAccount()) {
              reached.add(key.arn());
            }
          }
        }
        for (KeyPlan key : d.plan.keys()) {
          if (reached.contains(key.arn())) {
            keys.add(tables.get(key.arn()));
          }
        }
      }
      pages.add(new Page(OutputPaths.folder(access.format(), account.accountId())
          + OutputPaths.ACCESS_FILE, access.format().id(), account.accountId(),
          account.autoScalingAccount(), d.manager.id(), keys));
    }
    return pages;
  }

  /** A row before its sources are named for a particular key. */
  private record Shape(String principal, String who, List<String> actions,
      List<String> conditions, List<Place> sources, String operation) {}

  /**
   * Where a source stands, the same for every key of a class: a statement of the key's policy
   * ({@code index}), the n-th IAM statement that concerns the key ({@code iam}, see
   * {@link KeyClasses.IdentityStatements#places}), or a grant on the key ({@code grant}).
   */
  private record Place(int index, int iam, int grant) {}

  private static KeyTable table(Lane lane, KeyClasses.IdentityStatements iam, KeyPlan key,
      List<Shape> shapes) {
    List<KeyClasses.IdentityStatements.Place> statements = iam.places(key.arn());
    List<Row> rows = new ArrayList<>();
    for (Shape shape : shapes) {
      List<String> sources = new ArrayList<>();
      for (Place place : shape.sources()) {
        sources.add(describe(place, lane, statements, key, shape.operation()));
      }
      rows.add(new Row(shape.principal(), shape.who(), shape.actions(), shape.conditions(),
          sources));
    }
    return new KeyTable(key.name(), key.arn(), key.accountId(), key.crossAccount(), rows);
  }

  private static List<Shape> shapes(Lane lane, KeyClasses.IdentityStatements iam,
      KeyPlan key) {
    Deployment d = lane.deployment;
    List<KeyClasses.IdentityStatements.Place> statements = iam.places(key.arn());
    List<Shape> shapes = new ArrayList<>();
    for (Map.Entry<String, String> principal : principals(d, key).entrySet()) {
      shapes.addAll(shapes(lane, statements, key, principal.getKey(), principal.getValue()));
    }
    return shapes;
  }

  /** The principals to show, by ARN, with who they are: those the spec names, then others. */
  private static Map<String, String> principals(Deployment d, KeyPlan key) {
    Map<String, String> principals = new LinkedHashMap<>();
    for (LauncherPlan launcher : d.plan.launchers()) {
      principals.put(launcher.roleArn(), PlanFacts.describe(launcher));
    }
    if (d.manager != GrantManager.CLOUDFORMATION && !d.plan.grants().isEmpty()) {
      principals.put(d.creator, PlanFacts.creatorRoleName(d.plan) != null
          ? "the grant creator the spec names"
          : "any identity of " + d.plan.autoScalingAccountId()
              + " the grant creator's policy is attached to");
    }
    if (d.functionRole != null) {
      principals.put(d.functionRole, "the role of the stack's grant function");
    }
    for (String account : new TreeSet<>(d.accounts())) {
      principals.put(Principals.root(d.plan.partition().id(), account), "the identities of"
          + " account " + account + " whose IAM policies allow it");
    }
    Set<String> others = new TreeSet<>();
    for (Statement s : d.keyPolicies.getOrDefault(key.arn(),
        new PolicyDocument("", null, List.of())).statements()) {
      others.addAll(s.principals());
    }
    for (GrantDefinition grant : d.grants.getOrDefault(key.arn(), List.of())) {
      others.add(grant.request().grantee());
    }
    others.addAll(d.identities.keySet());
    for (String other : others) {
      if (!principals.containsKey(other) && !other.equals("*")
          && !(Principals.isAccount(other) && principals.containsKey(
              Principals.root(d.plan.partition().id(), Principals.account(other))))) {
        principals.put(other, "a principal the spec does not name");
      }
    }
    return principals;
  }

  private static List<Shape> shapes(Lane lane,
      List<KeyClasses.IdentityStatements.Place> statements, KeyPlan key, String principal,
      String who) {
    Deployment d = lane.deployment;
    boolean account = Principals.isAccount(principal);
    String caller = account
        ? Principals.session(Principals.role(d.plan.partition().id(),
            Principals.account(principal), Deployment.ADMINISTRATOR), "access")
        : Principals.isRole(principal) ? Principals.session(principal, "access") : principal;
    Map<List<Place>, List<String>> actionsBySources = new LinkedHashMap<>();
    Map<List<Place>, Set<String>> conditionsBySources = new LinkedHashMap<>();
    Map<List<Place>, String> operationBySources = new LinkedHashMap<>();
    for (String operation : operations()) {
      KmsRequest request = request(lane, caller, operation, key, principal);
      if (request == null) {
        continue;
      }
      Decision decision = KmsAuthorizer.decide(lane.world, request);
      List<Place> places = new ArrayList<>();
      Set<String> conditions = new LinkedHashSet<>();
      for (Source source : decision.sources()) {
        Place place = place(source, lane, statements, key);
        if (place != null) {
          places.add(place);
          if (source.statement() != null) {
            source.statement().conditions().forEach(c -> conditions.add(condition(c)));
          }
        }
      }
      if (!decision.allowed() || places.isEmpty()) {
        continue;
      }
      // RetireGrant through a grant reads differently from the grant's own operations.
      List<Place> group = new ArrayList<>(places);
      if (operation.equals("RetireGrant")) {
        group.add(new Place(-1, -1, -1));
      }
      actionsBySources.computeIfAbsent(group, k -> new ArrayList<>()).add("kms:" + operation);
      conditionsBySources.computeIfAbsent(group, k -> new LinkedHashSet<>()).addAll(conditions);
      operationBySources.putIfAbsent(group, operation);
    }
    List<Shape> shapes = new ArrayList<>();
    actionsBySources.forEach((group, actions) -> shapes.add(new Shape(principal, who,
        actions.size() == operations().size() ? List.of("kms:*") : actions,
        List.copyOf(conditionsBySources.get(group)), places(group),
        operationBySources.get(group))));
    return shapes;
  }

  private static List<Place> places(List<Place> group) {
    List<Place> places = new ArrayList<>();
    for (Place place : group) {
      if (place.index() >= 0 || place.iam() >= 0 || place.grant() >= 0) {
        places.add(place);
      }
    }
    return places;
  }

  /** Where a source stands; null for the probes' administrator policy, which is not shown. */
  private static Place place(Source source, Lane lane,
      List<KeyClasses.IdentityStatements.Place> statements, KeyPlan key) {
    if (source.grant() != null) {
      return new Place(-1, -1, lane.world.grants().list(key.arn()).indexOf(source.grant()));
    }
    PolicyDocument doc = source.document();
    if (doc == lane.world.keyPolicy(key.arn())) {
      return new Place(source.index(), -1, -1);
    }
    if (doc.origin().equals(Deployment.administratorPolicy().origin())) {
      return null;
    }
    for (int i = 0; i < statements.size(); i++) {
      KeyClasses.IdentityStatements.Place p = statements.get(i);
      if (p.statement() == source.statement()
          && lane.world.identityPolicies().get(p.identity()).get(p.document()) == doc) {
        return new Place(-1, i, -1);
      }
    }
    throw new IllegalStateException("a source that concerns no key: " + source.describe());
  }

  /** The operations a table asks about: every action on a key, and RetireGrant. */
  private static final List<String> OPERATIONS = operationsAsked();

  private static List<String> operationsAsked() {
    List<String> operations = new ArrayList<>(KmsActions.ON_A_KEY);
    operations.add("RetireGrant");
    return List.copyOf(operations);
  }

  private static List<String> operations() {
    return OPERATIONS;
  }

  /**
   * The request the table asks about: grants as the spec plans them. A launcher asks as it
   * launches: CreateGrant for the volume, for an AWS resource; a launcher role's calls come
   * through EC2 in the key's Region, the only way its statements let it in.
   */
  private static KmsRequest request(Lane lane, String caller, String operation, KeyPlan key,
      String principal) {
    List<Grant> grants = lane.world.grants().list(key.arn());
    LauncherPlan launcher = launcher(lane.deployment, principal);
    Lane as = launcher == null ? lane : lane.as(launcher);
    String through = launcher != null && !launcher.serviceLinked() ? as.service("ec2", key)
        : null;
    switch (operation) {
      case "CreateGrant" -> {
        GrantRequest grant = as.grantRequest(launcher != null ? "forTheVolume" : "planned", key);
        return grant == null ? null
            : KmsRequest.createGrant(caller, key.arn(), grant, launcher != null)
                .through(through);
      }
      case "RetireGrant", "RevokeGrant" -> {
        return grants.isEmpty() ? null : KmsRequest.onGrant(caller, operation, key.arn(),
            grants.get(0).id()).through(through);
      }
      default -> {
        return KmsRequest.of(caller, operation, key.arn()).through(through);
      }
    }
  }

  /** The launcher whose role the principal is, or null. */
  private static LauncherPlan launcher(Deployment d, String principal) {
    for (LauncherPlan launcher : d.plan.launchers()) {
      if (launcher.roleArn().equals(principal)) {
        return launcher;
      }
    }
    return null;
  }

  /** A source named for one key: its own policy file, grant and grant name. */
  private static String describe(Place place, Lane lane,
      List<KeyClasses.IdentityStatements.Place> statements, KeyPlan key, String operation) {
    if (place.grant() >= 0) {
      Grant grant = lane.world.grants().list(key.arn()).get(place.grant());
      return "grant " + Explain.quote(grant.name()) + (operation.equals("RetireGrant")
          && !operationsInclude(grant, "RetireGrant") ? ", as its retiring principal" : "")
          + ": " + grant.origin();
    }
    boolean keyPolicy = place.iam() < 0;
    KeyClasses.IdentityStatements.Place iam = keyPolicy ? null : statements.get(place.iam());
    PolicyDocument doc = keyPolicy ? lane.world.keyPolicy(key.arn())
        : lane.world.identityPolicies().get(iam.identity()).get(iam.document());
    int index = keyPolicy ? place.index() : iam.index();
    Statement s = doc.statements().get(index);
    String statement = s.sid() != null ? "statement " + Explain.quote(s.sid())
        : "statement " + (index + 1);
    return (keyPolicy ? "key policy, " : doc.name() != null ? "IAM policy "
        + Explain.quote(doc.name()) + ", " : "IAM policy, ") + statement + ": " + doc.origin();
  }

  private static boolean operationsInclude(Grant grant, String operation) {
    return grant.operations().contains(operation);
  }

  private static String condition(ConditionClause c) {
    String values = String.join(", ", c.values());
    return switch (c.operator()) {
      case "ForAllValues:StringEquals" -> c.key() + " within [" + values + "]";
      case "Bool", "StringEquals" -> c.key() + " = " + (c.values().size() == 1 ? values
          : "one of [" + values + "]");
      default -> c.operator() + " " + c.key() + " [" + values + "]";
    };
  }
}
