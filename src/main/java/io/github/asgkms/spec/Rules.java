package io.github.asgkms.spec;

import static io.github.asgkms.text.Printable.quote;

import io.github.asgkms.aws.IamRoleArn;
import io.github.asgkms.aws.KmsKeyArn;
import io.github.asgkms.aws.Launcher;
import io.github.asgkms.aws.Partition;
import io.github.asgkms.aws.RoleLauncher;
import io.github.asgkms.aws.ServiceLinkedLauncher;
import io.github.asgkms.spec.YamlNode.Entry;
import io.github.asgkms.spec.YamlNode.Mapping;
import io.github.asgkms.spec.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * The checks that compare fields, beside the checks of each field's own value (its
 * {@link ValueType}). Each runs on whatever was read validly, so one run reports every
 * problem, and each error names the place and the path of the value at fault.
 */
final class Rules {
  /** A check of the spec's top level and what it holds. */
  interface Rule {
    void check(Values spec, Errors errors);
  }

  static final List<Rule> ALL = List.of(
      Rules::uniqueKeyNames,
      Rules::uniqueKeyArns,
      Rules::onePartition,
      Rules::grantSettingsOnlyOnCrossAccountKeys,
      Rules::launcherRolesOfTheAutoScalingAccount,
      Rules::eachLauncherOnce,
      Rules::suffixOnlyWithAutoScaling,
      Rules::replicaRegions,
      Rules::uniquePlanNames,
      Rules::createOrImportServiceLinkedRoles,
      Rules::grantNamesFitKms);

  /** KMS CreateGrant's limit on a grant's Name. */
  static final int MAX_GRANT_NAME = 256;

  private Rules() {}

  static void check(Values spec, Errors errors) {
    ALL.forEach(rule -> rule.check(spec, errors));
  }

  private static List<Values> keys(Values spec) {
    return spec.find(Spec.KEYS).orElse(List.of()).stream().map(KeySpec::values).toList();
  }

  static void uniqueKeyNames(Values spec, Errors errors) {
    unique(keys(spec), KeySpec.NAME, name -> name,
        (name, first) -> "duplicate key name " + quote(name) + " (also " + first + ")", errors);
  }

  static void uniqueKeyArns(Values spec, Errors errors) {
    unique(keys(spec), KeySpec.ARN, arn -> arn.arn(),
        (arn, first) -> "the same key ARN as " + first + "; list each key once", errors);
  }

  /** What a duplicate is told, given its value and the path of the first. */
  private interface Duplicate {
    String message(String value, SpecPath first);
  }

  private static <T> void unique(List<Values> items, Field<T> field, Function<T, String> text,
      Duplicate duplicate, Errors errors) {
    Map<String, SpecPath> first = new HashMap<>();
    for (Values item : items) {
      String value = text.apply(item.get(field));
      SpecPath earlier = first.putIfAbsent(value, item.path(field));
      if (earlier != null) {
        errors.add(item.valueMark(field), item.path(field), duplicate.message(value, earlier));
      }
    }
  }

  /** Every key ARN must be in one partition: the one given, or else the first key's. */
  static void onePartition(Values spec, Errors errors) {
    Partition effective = spec.find(Spec.PARTITION).orElse(null);
    SpecPath source = null;
    for (Values key : keys(spec)) {
      Partition partition = key.get(KeySpec.ARN).partition();
      if (effective == null) {
        effective = partition;
        source = key.path(KeySpec.ARN);
      } else if (partition != effective) {
        String other = source == null
            ? "the spec's partition is " + effective.id()
            : source + " is in " + effective.id();
        errors.add(key.valueMark(KeySpec.ARN), key.path(KeySpec.ARN), "the key is in partition "
            + partition.id() + ", but " + other + "; all keys must be in one partition");
      }
    }
  }

  /** Grant settings mean nothing for a key in the Auto Scaling account: it gets no grant. */
  static void grantSettingsOnlyOnCrossAccountKeys(Values spec, Errors errors) {
    spec.find(Spec.AUTO_SCALING_ACCOUNT_ID).ifPresent(asgAccount -> {
      for (Values key : keys(spec)) {
        if (!key.get(KeySpec.ARN).accountId().equals(asgAccount)) {
          continue;
        }
        for (Field<?> field : List.of(KeySpec.GRANT_NAME, KeySpec.GRANT_OPERATIONS)) {
          key.entry(field).ifPresent(e -> errors.add(e.keyMark(), key.path(field), field.name()
              + " is for keys in another account; this key is in the Auto Scaling account "
              + asgAccount + ", which gets key-policy statements and no grant"));
        }
      }
    });
  }

  /** A list item as written: where it stands, its path, and its value when it is valid. */
  private record Item<T>(YamlNode node, SpecPath path, Optional<T> value) {}

  /**
   * Each item of the list {@code field} as written, valid or not, read again with its item
   * type into errors that are dropped: the list's value keeps only its valid items, so it has
   * lost their places, and each invalid one was reported when the list was read.
   */
  private static <T> List<Item<T>> items(Values values, Field<?> field, ValueType<T> type) {
    List<Item<T>> items = new ArrayList<>();
    if (values.entry(field).map(Entry::value).orElse(null) instanceof Sequence sequence) {
      for (int i = 0; i < sequence.items().size(); i++) {
        YamlNode node = sequence.items().get(i);
        SpecPath path = values.path(field).index(i);
        items.add(new Item<>(node, path, type.read(node, path, new Errors("(again)"))));
      }
    }
    return items;
  }

  private static List<Item<Launcher>> launchers(Values spec) {
    return items(spec, Spec.LAUNCHERS, Spec.LAUNCHER);
  }

  /** Each service other than Auto Scaling among the launchers, once, with its first place. */
  private static Map<ServiceLinkedLauncher, SpecPath> otherServices(Values spec) {
    Map<ServiceLinkedLauncher, SpecPath> services = new LinkedHashMap<>();
    for (Item<Launcher> item : launchers(spec)) {
      if (item.value().orElse(null) instanceof ServiceLinkedLauncher service
          && service != ServiceLinkedLauncher.AUTOSCALING) {
        services.putIfAbsent(service, item.path());
      }
    }
    return services;
  }

  /** Where a roleArn launcher's ARN stands: its value, or the item when it is not a mapping. */
  private static Mark roleArnMark(Item<Launcher> item) {
    if (item.node() instanceof Mapping mapping) {
      for (Entry entry : mapping.entries()) {
        if (entry.key().equals(Spec.LAUNCHER_ROLE_ARN.name())) {
          return entry.value().mark();
        }
      }
    }
    return item.node().mark();
  }

  private static SpecPath roleArnPath(Item<Launcher> item) {
    return item.path().property(Spec.LAUNCHER_ROLE_ARN.name());
  }

  /** The spec's partition and where it comes from, said as an error's second half says it. */
  private record SpecPartition(Partition partition, String source) {}

  /**
   * The partition given, else the first key ARN's; empty when a partition is given but not
   * valid (that has its own error) or no key ARN is valid.
   */
  private static Optional<SpecPartition> specPartition(Values spec) {
    Optional<Partition> given = spec.find(Spec.PARTITION);
    if (given.isPresent()) {
      return Optional.of(new SpecPartition(given.get(),
          "the spec's partition is " + given.get().id()));
    }
    if (spec.entry(Spec.PARTITION).isPresent()) {
      return Optional.empty();
    }
    return keys(spec).stream().findFirst().map(key -> new SpecPartition(
        key.get(KeySpec.ARN).partition(),
        key.path(KeySpec.ARN) + " is in " + key.get(KeySpec.ARN).partition().id()));
  }

  /**
   * A role of the user's own launches in the Auto Scaling account, with the keys' partition,
   * and is never a service-linked role: those belong to their services, which have launchers of
   * their own with the statements and grants their roles need.
   */
  static void launcherRolesOfTheAutoScalingAccount(Values spec, Errors errors) {
    Optional<String> asgAccount = spec.find(Spec.AUTO_SCALING_ACCOUNT_ID);
    Optional<SpecPartition> partition = specPartition(spec);
    for (Item<Launcher> item : launchers(spec)) {
      if (!(item.value().orElse(null) instanceof RoleLauncher role)) {
        continue;
      }
      IamRoleArn arn = role.arn();
      Mark mark = roleArnMark(item);
      SpecPath path = roleArnPath(item);
      if (arn.isServiceLinked()) {
        // Its account and partition do not matter: the fix is to drop the ARN.
        errors.add(mark, path, serviceLinkedRole(arn));
        continue;
      }
      asgAccount.filter(account -> !account.equals(arn.accountId())).ifPresent(account ->
          errors.add(mark, path, "the role is in account " + arn.accountId()
              + ", but autoScalingAccountId is " + account + "; a launcher role must be in the"
              + " Auto Scaling account"));
      partition.filter(p -> p.partition() != arn.partition()).ifPresent(p ->
          errors.add(mark, path, "the role is in partition " + arn.partition().id() + ", but "
              + p.source() + "; a launcher role must be in the spec's partition"));
    }
  }

  /** What to write instead of a service-linked role's ARN. */
  private static String serviceLinkedRole(IamRoleArn arn) {
    String rest = arn.path().substring(IamRoleArn.SERVICE_LINKED_PATH.length());
    String serviceName = rest.contains("/") ? rest.substring(0, rest.indexOf('/')) : rest;
    for (ServiceLinkedLauncher service : ServiceLinkedLauncher.values()) {
      if (service.serviceName().equals(serviceName)) {
        String suffix = service.takesSuffix() && arn.name().startsWith(service.roleName() + "_")
            ? ", with serviceLinkedRoleSuffix: "
                + arn.name().substring(service.roleName().length() + 1) + ","
            : "";
        return "the role is the service-linked role of " + serviceName + "; write the launcher "
            + service.id() + suffix + " instead of its roleArn, so that it gets that service's"
            + " statements and grants";
      }
    }
    return "the role is a service-linked role (path " + arn.path() + "), which only its service"
        + " uses; roleArn is for a role of your own, and the services whose roles launch"
        + " instances are the launchers " + ServiceLinkedLauncher.ids();
  }

  /**
   * Each launcher once: a service, or a role. IAM role names are unique in an account whatever
   * their path or case, so two ARNs with one name are one role, or one of them is wrong.
   */
  static void eachLauncherOnce(Values spec, Errors errors) {
    Map<ServiceLinkedLauncher, SpecPath> services = new HashMap<>();
    Map<String, Item<Launcher>> roles = new HashMap<>();
    for (Item<Launcher> item : launchers(spec)) {
      Launcher launcher = item.value().orElse(null);
      if (launcher instanceof ServiceLinkedLauncher service) {
        SpecPath earlier = services.putIfAbsent(service, item.path());
        if (earlier != null) {
          errors.add(item.node().mark(), item.path(), service.id() + " is listed twice (also "
              + earlier + "); list each launcher once");
        }
      } else if (launcher instanceof RoleLauncher role) {
        IamRoleArn arn = role.arn();
        Item<Launcher> earlier = roles.putIfAbsent(
            arn.accountId() + " " + arn.name().toLowerCase(Locale.ROOT), item);
        if (earlier == null) {
          continue;
        }
        IamRoleArn first = ((RoleLauncher) earlier.value().orElseThrow()).arn();
        errors.add(roleArnMark(item), roleArnPath(item), first.equals(arn)
            ? "the same role as " + roleArnPath(earlier) + "; list each launcher once"
            : "the role name " + quote(arn.name()) + " is also that of " + roleArnPath(earlier)
                + " (" + first.arn() + "); IAM role names are unique in an account, whatever"
                + " their path or case, so these ARNs cannot both be right");
      }
    }
  }

  /**
   * serviceLinkedRoleSuffix names Auto Scaling's role, the only one here that takes a suffix;
   * without autoscaling among the launchers it would change nothing.
   */
  static void suffixOnlyWithAutoScaling(Values spec, Errors errors) {
    Optional<Entry> suffix = spec.entry(Spec.SERVICE_LINKED_ROLE_SUFFIX);
    List<Item<Launcher>> launchers = launchers(spec);
    // Without launchers, Auto Scaling launches; with an invalid one, it may be autoscaling.
    if (suffix.isEmpty() || launchers.isEmpty()
        || launchers.stream().anyMatch(item -> item.value().isEmpty())
        || launchers.stream().anyMatch(item -> item.value().get()
            == ServiceLinkedLauncher.AUTOSCALING)) {
      return;
    }
    errors.add(suffix.get().keyMark(), spec.path(Spec.SERVICE_LINKED_ROLE_SUFFIX),
        "serviceLinkedRoleSuffix names the Auto Scaling role, "
            + ServiceLinkedLauncher.AUTOSCALING.roleName() + "_<suffix>, but launchers does not"
            + " list autoscaling; add autoscaling to launchers, or remove"
            + " serviceLinkedRoleSuffix: it applies to the Auto Scaling role only");
  }

  /**
   * Replicas are of a multi-Region key only, each in another Region of the key's partition:
   * AWS replicates an mrk- key within its partition, and never into the primary's Region.
   */
  static void replicaRegions(Values spec, Errors errors) {
    for (Values key : keys(spec)) {
      Optional<Entry> entry = key.entry(KeySpec.REPLICA_REGIONS);
      if (entry.isEmpty()) {
        continue;
      }
      KmsKeyArn arn = key.get(KeySpec.ARN);
      if (!arn.isMultiRegion()) {
        // The Regions are not judged: a key without replicas has none to judge them against.
        errors.add(entry.get().keyMark(), key.path(KeySpec.REPLICA_REGIONS), "replicaRegions is"
            + " for a multi-Region key, whose key ID starts with mrk-; this key, " + arn.keyId()
            + ", is a single-Region key and has no replicas");
        continue;
      }
      Map<String, SpecPath> listed = new HashMap<>();
      for (Item<String> item : items(key, KeySpec.REPLICA_REGIONS, Types.REGION)) {
        if (item.value().isEmpty()) {
          continue;
        }
        String region = item.value().get();
        Mark mark = item.node().mark();
        SpecPath earlier = listed.putIfAbsent(region, item.path());
        if (!arn.partition().containsRegion(region)) {
          errors.add(mark, item.path(), Partition.ofRegion(region)
              .map(p -> "Region " + region + " is in partition " + p.id())
              .orElse("Region " + region + " is in no supported partition")
              + ", but the key is in partition " + arn.partition().id()
              + "; a replica is in its primary key's partition");
        } else if (region.equals(arn.region())) {
          errors.add(mark, item.path(), region + " is the primary key's own Region ("
              + key.path(KeySpec.ARN) + "); list only the Regions of its replicas");
        } else if (earlier != null) {
          errors.add(mark, item.path(), "Region " + region + " is listed twice (also " + earlier
              + ")");
        }
      }
    }
  }

  /** The replica Regions of a key that make replicas: valid, in the partition, each once. */
  private static List<Item<String>> replicas(Values key) {
    KmsKeyArn arn = key.get(KeySpec.ARN);
    if (!arn.isMultiRegion()) {
      return List.of();
    }
    Map<String, Item<String>> replicas = new LinkedHashMap<>();
    for (Item<String> item : items(key, KeySpec.REPLICA_REGIONS, Types.REGION)) {
      item.value().filter(arn.partition()::containsRegion)
          .filter(region -> !region.equals(arn.region()))
          .ifPresent(region -> replicas.putIfAbsent(region, item));
    }
    return List.copyOf(replicas.values());
  }

  /** A key of the plan: a key of the spec or one of its replicas, and how an error names it. */
  private record PlanKey(String name, String accountId, String said) {}

  /**
   * The names of the plan's keys, and of their grants for launchers other than Auto Scaling,
   * name files and resources, so no key of the spec may take one of them. A key's replica is
   * {@code <name>-<region>} and its grant {@code <name>-<launcher>} (see {@link KeyNames}).
   * Auto Scaling's grant takes its key's own name, and grants for different launchers end
   * differently, so two grants share a name only when their keys do, which is reported there.
   */
  static void uniquePlanNames(Values spec, Errors errors) {
    List<PlanKey> planKeys = new ArrayList<>();
    Map<String, String> made = new HashMap<>();
    Map<String, Values> named = new HashMap<>();
    for (Values key : keys(spec)) {
      String name = key.get(KeySpec.NAME);
      if (named.putIfAbsent(name, key) != null) {
        continue; // a duplicate key name, reported as such, and its replicas would be too
      }
      String keySaid = key.path() + " (" + quote(name) + ")";
      String account = key.get(KeySpec.ARN).accountId();
      planKeys.add(new PlanKey(name, account, keySaid));
      for (Item<String> replica : replicas(key)) {
        String replicaName = KeyNames.replica(name, replica.value().orElseThrow());
        String said = "the replica of " + keySaid + " in " + replica.value().get() + " ("
            + replica.path() + ")";
        String earlier = made.putIfAbsent(replicaName, said);
        if (earlier != null) {
          errors.add(replica.node().mark(), replica.path(), "the replica's name "
              + quote(replicaName) + " is also that of " + earlier + "; rename one of the keys,"
              + " since these names name files and resources");
        }
        planKeys.add(new PlanKey(replicaName, account, said));
      }
    }
    Optional<String> asgAccount = spec.find(Spec.AUTO_SCALING_ACCOUNT_ID);
    Map<ServiceLinkedLauncher, SpecPath> services = otherServices(spec);
    for (PlanKey planKey : planKeys) {
      if (asgAccount.isEmpty() || planKey.accountId().equals(asgAccount.get())) {
        continue;
      }
      services.forEach((service, path) -> made.putIfAbsent(KeyNames.grant(planKey.name(),
          service), "the " + service.id() + " grant (" + path + ") on " + planKey.said()
          + ", which is in another account"));
    }
    for (Values key : keys(spec)) {
      String name = key.get(KeySpec.NAME);
      Optional.ofNullable(made.get(name)).ifPresent(origin -> errors.add(
          key.valueMark(KeySpec.NAME), key.path(KeySpec.NAME), "the key name " + quote(name)
              + " is also the name of " + origin + "; rename the key, since these names name"
              + " files and resources"));
    }
  }

  /** Creating a role and adopting the one that exists are two answers to one question. */
  static void createOrImportServiceLinkedRoles(Values spec, Errors errors) {
    if (spec.find(Spec.CREATE_SERVICE_LINKED_ROLE).orElse(false)
        && spec.find(Spec.IMPORT_SERVICE_LINKED_ROLES).orElse(false)) {
      errors.add(spec.entry(Spec.IMPORT_SERVICE_LINKED_ROLES).orElseThrow().keyMark(),
          spec.path(Spec.IMPORT_SERVICE_LINKED_ROLES), "importServiceLinkedRoles adopts the"
              + " service-linked roles that exist, and createServiceLinkedRole: true creates"
              + " them; set only one of the two");
    }
  }

  /**
   * A key in another account gets a grant per service launcher, each named its base name
   * (grantName, or asg-<name>) and, but for Auto Scaling's, -<launcher>: that must still fit
   * CreateGrant's Name. Replicas keep their primary's grant names, so the key's check covers
   * them.
   */
  static void grantNamesFitKms(Values spec, Errors errors) {
    Optional<String> asgAccount = spec.find(Spec.AUTO_SCALING_ACCOUNT_ID);
    if (asgAccount.isEmpty()) {
      return;
    }
    Map<ServiceLinkedLauncher, SpecPath> services = otherServices(spec);
    for (Values key : keys(spec)) {
      if (key.get(KeySpec.ARN).accountId().equals(asgAccount.get())) {
        continue;
      }
      String base = key.find(KeySpec.GRANT_NAME).orElse("asg-" + key.get(KeySpec.NAME));
      services.forEach((service, path) -> {
        String name = KeyNames.grantName(base, service);
        if (name.length() > MAX_GRANT_NAME) {
          errors.add(key.valueMark(KeySpec.GRANT_NAME), key.path(KeySpec.GRANT_NAME),
              "the " + service.id() + " grant (" + path + ") is named grantName followed by -"
                  + service.id() + ": " + name.length() + " characters, over the "
                  + MAX_GRANT_NAME + " CreateGrant allows; shorten grantName to at most "
                  + (MAX_GRANT_NAME - (name.length() - base.length())) + " characters");
        }
      });
    }
  }
}
