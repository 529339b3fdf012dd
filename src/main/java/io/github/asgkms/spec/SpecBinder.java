package io.github.asgkms.spec;

import static io.github.asgkms.text.Printable.quote;

import io.github.asgkms.aws.AccountId;
import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.aws.GrantOperations;
import io.github.asgkms.aws.KmsKeyArn;
import io.github.asgkms.aws.Partition;
import io.github.asgkms.spec.YamlNode.Mapping;
import io.github.asgkms.spec.YamlNode.Scalar;
import io.github.asgkms.spec.YamlNode.Sequence;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * Binds the YAML tree to spec v1 and checks every rule the spec's reference states, adding
 * each problem to the shared errors rather than stopping at the first.
 */
final class SpecBinder {
  private static final List<String> ROOT_FIELDS =
      List.of(
          "version",
          "partition",
          "autoScalingAccountId",
          "serviceLinkedRoleSuffix",
          "grantOperations",
          "keys",
          "grantCreator",
          "createServiceLinkedRole",
          "leastPrivilege",
          "fullKeyPolicy",
          "grantManager");
  private static final List<String> KEY_FIELDS =
      List.of("name", "arn", "grantName", "grantOperations");
  private static final List<String> GRANT_CREATOR_FIELDS = List.of("roleName");
  private static final List<String> GRANT_MANAGERS =
      Arrays.stream(GrantManager.values()).map(GrantManager::id).toList();

  private static final Pattern KEY_NAME = Pattern.compile("[a-z0-9][a-z0-9-]{0,62}");
  /** IAM's CustomSuffix characters; the role name AWSServiceRoleForAutoScaling_ + suffix fits in 64. */
  private static final Pattern SLR_SUFFIX = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,35}");
  /** KMS CreateGrant's Name constraint. */
  private static final Pattern GRANT_NAME = Pattern.compile("[A-Za-z0-9:/_-]{1,256}");
  /** IAM role names. */
  private static final Pattern ROLE_NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,64}");

  private final Errors errors;

  SpecBinder(Errors errors) {
    this.errors = errors;
  }

  Spec bind(YamlNode root) {
    Mapping mapping = mapping(root, SpecPath.ROOT).orElse(null);
    if (mapping == null) {
      return null;
    }
    Fields fields = new Fields(mapping, SpecPath.ROOT, errors, ROOT_FIELDS);
    fields.required("version").ifPresent(node -> version(node, fields.path("version")));
    Optional<Partition> partition =
        fields.optional("partition").flatMap(node -> partition(node, fields.path("partition")));
    Optional<String> asgAccount =
        fields.required("autoScalingAccountId")
            .flatMap(node -> accountId(node, fields.path("autoScalingAccountId")));
    Optional<String> suffix =
        fields.optional("serviceLinkedRoleSuffix")
            .flatMap(node -> matching(node, fields.path("serviceLinkedRoleSuffix"), SLR_SUFFIX,
                "a service-linked role suffix: 1 to 35 of A-Z a-z 0-9 + = , . @ _ -"));
    List<String> defaultOperations =
        fields.optional("grantOperations")
            .flatMap(node -> grantOperations(node, fields.path("grantOperations")))
            .orElse(GrantOperations.KNOWLEDGE_CENTER);
    List<LocatedKey> keys =
        fields.required("keys").map(node -> keys(node, fields.path("keys"))).orElse(List.of());
    Optional<String> roleName =
        fields.optional("grantCreator")
            .flatMap(node -> grantCreator(node, fields.path("grantCreator")));
    boolean createRole = flag(fields, "createServiceLinkedRole");
    boolean leastPrivilege = flag(fields, "leastPrivilege");
    boolean fullKeyPolicy = flag(fields, "fullKeyPolicy");
    GrantManager grantManager =
        fields.optional("grantManager")
            .flatMap(node -> grantManager(node, fields.path("grantManager")))
            .orElse(GrantManager.TERRAFORM);

    Partition effective = checkPartitions(partition, keys);
    asgAccount.ifPresent(account -> checkSameAccountKeys(account, keys));
    if (!errors.isEmpty()) {
      return null;
    }
    return new Spec(effective, asgAccount.orElseThrow(), suffix, defaultOperations,
        keys.stream().map(LocatedKey::key).toList(), roleName, createRole, leastPrivilege,
        fullKeyPolicy, grantManager);
  }

  /** An optional true/false field; false when absent. */
  private boolean flag(Fields fields, String name) {
    return fields.optional(name).flatMap(node -> bool(node, fields.path(name))).orElse(false);
  }

  private void version(YamlNode node, SpecPath path) {
    if (node instanceof Scalar s && s.type() == Scalar.Type.INTEGER) {
      if (!s.text().equals("1")) {
        errors.add(s.mark(), path, "unsupported version " + s.text() + "; the only version is 1");
      }
    } else if (node instanceof Scalar s && s.quoted() && s.text().equals("1")) {
      errors.add(node.mark(), path, "expected the number 1, found the string \"1\";"
          + " write version: 1 without quotes");
    } else if (node instanceof Scalar s && s.type() == Scalar.Type.FLOAT) {
      errors.add(node.mark(), path, "expected the number 1, found " + quote(s.text()));
    } else {
      errors.add(node.mark(), path, "expected the number 1, found " + describe(node));
    }
  }

  private Optional<Partition> partition(YamlNode node, SpecPath path) {
    return string(node, path).flatMap(text -> {
      Optional<Partition> partition = Partition.fromId(text);
      if (partition.isEmpty()) {
        errors.add(node.mark(), path,
            "unknown partition " + quote(text) + "; expected one of " + Partition.ids());
      }
      return partition;
    });
  }

  private Optional<GrantManager> grantManager(YamlNode node, SpecPath path) {
    return string(node, path).flatMap(text -> {
      Optional<GrantManager> manager = GrantManager.fromId(text);
      if (manager.isEmpty()) {
        errors.add(node.mark(), path, Suggestions.nearest(text, GRANT_MANAGERS)
            .map(n -> "unknown grant manager " + quote(text) + "; did you mean '" + n + "'?")
            .orElse("unknown grant manager " + quote(text) + "; expected one of "
                + GrantManager.ids()));
      }
      return manager;
    });
  }

  private Optional<String> accountId(YamlNode node, SpecPath path) {
    if (node instanceof Scalar s && s.type() == Scalar.Type.INTEGER && !s.quoted()) {
      // Unquoted digits keep their text exactly; a YAML number of another length is refused.
      if (AccountId.isValid(s.text())) {
        return Optional.of(s.text());
      }
      errors.add(s.mark(), path, notAnAccountId(s.text()));
      return Optional.empty();
    }
    return string(node, path).flatMap(text -> {
      if (AccountId.isValid(text)) {
        return Optional.of(text);
      }
      errors.add(node.mark(), path, notAnAccountId(text));
      return Optional.empty();
    });
  }

  /** Quoting changes nothing here (digits are kept as written), so the message only counts. */
  private static String notAnAccountId(String text) {
    String found = text.chars().allMatch(c -> c >= '0' && c <= '9')
        ? ", found " + text.length()
        : "";
    return quote(text) + " is not an account ID: expected 12 digits" + found;
  }

  private Optional<List<String>> grantOperations(YamlNode node, SpecPath path) {
    if (node instanceof Sequence sequence) {
      return operationList(sequence, path);
    }
    return string(node, path).flatMap(text -> {
      Optional<List<String>> preset = GrantOperations.preset(text);
      if (preset.isEmpty()) {
        errors.add(node.mark(), path, "unknown preset " + quote(text) + "; expected "
            + GrantOperations.KNOWLEDGE_CENTER_PRESET + ", " + GrantOperations.USER_GUIDE_PRESET
            + " or a list of operations");
      }
      return preset;
    });
  }

  private Optional<List<String>> operationList(Sequence sequence, SpecPath path) {
    if (sequence.items().isEmpty()) {
      errors.add(sequence.mark(), path, "a grant needs at least one operation");
      return Optional.empty();
    }
    List<String> operations = new ArrayList<>();
    boolean valid = true;
    for (int i = 0; i < sequence.items().size(); i++) {
      YamlNode item = sequence.items().get(i);
      SpecPath itemPath = path.index(i);
      Optional<String> operation = string(item, itemPath);
      if (operation.isEmpty()) {
        valid = false;
      } else if (!GrantOperations.VALID.contains(operation.get())) {
        String unknown = operation.get();
        errors.add(item.mark(), itemPath, Suggestions.nearest(unknown, GrantOperations.VALID)
            .map(n -> "unknown grant operation " + quote(unknown) + "; did you mean '" + n + "'?")
            .orElse("unknown grant operation " + quote(unknown) + "; expected one of "
                + String.join(", ", GrantOperations.VALID.stream().sorted().toList())));
        valid = false;
      } else if (operations.contains(operation.get())) {
        errors.add(item.mark(), itemPath, "operation " + quote(operation.get()) + " is listed twice");
        valid = false;
      } else {
        operations.add(operation.get());
      }
    }
    return valid ? Optional.of(List.copyOf(operations)) : Optional.empty();
  }

  /** A bound key with the marks later checks need. */
  private record LocatedKey(KeySpec key, SpecPath path, Mapping node, YamlNode arnNode) {}

  private List<LocatedKey> keys(YamlNode node, SpecPath path) {
    if (!(node instanceof Sequence sequence)) {
      errors.add(node.mark(), path, "expected a list of keys, found " + describe(node));
      return List.of();
    }
    if (sequence.items().isEmpty()) {
      errors.add(sequence.mark(), path, "at least one key is required");
      return List.of();
    }
    List<LocatedKey> keys = new ArrayList<>();
    Map<String, SpecPath> names = new HashMap<>();
    Map<String, SpecPath> arns = new HashMap<>();
    for (int i = 0; i < sequence.items().size(); i++) {
      SpecPath keyPath = path.index(i);
      key(sequence.items().get(i), keyPath).ifPresent(located -> {
        SpecPath firstName = names.putIfAbsent(located.key().name(), located.path());
        if (firstName != null) {
          errors.add(fieldMark(located.node(), "name"), located.path().property("name"),
              "duplicate key name " + quote(located.key().name()) + " (also " + firstName + ".name)");
        }
        SpecPath firstArn = arns.putIfAbsent(located.key().arn().arn(), located.path());
        if (firstArn != null) {
          errors.add(located.arnNode().mark(), located.path().property("arn"),
              "the same key ARN as " + firstArn + ".arn; list each key once");
        }
        keys.add(located);
      });
    }
    return keys;
  }

  private Optional<LocatedKey> key(YamlNode node, SpecPath path) {
    Optional<Mapping> mapping = mapping(node, path);
    if (mapping.isEmpty()) {
      return Optional.empty();
    }
    Fields fields = new Fields(mapping.get(), path, errors, KEY_FIELDS);
    Optional<String> name =
        fields.required("name").flatMap(n -> matching(n, fields.path("name"), KEY_NAME,
            "a key name: 1 to 63 of a-z 0-9 and -, starting with a letter or digit"));
    Optional<YamlNode> arnNode = fields.required("arn");
    Optional<KmsKeyArn> arn = arnNode.flatMap(n -> keyArn(n, fields.path("arn")));
    Optional<String> grantName =
        fields.optional("grantName").flatMap(n -> matching(n, fields.path("grantName"),
            GRANT_NAME, "a grant name: 1 to 256 of A-Z a-z 0-9 : / _ -"));
    Optional<List<String>> operations =
        fields.optional("grantOperations")
            .flatMap(n -> grantOperations(n, fields.path("grantOperations")));
    if (name.isEmpty() || arn.isEmpty()) {
      return Optional.empty();
    }
    return Optional.of(new LocatedKey(new KeySpec(name.get(), arn.get(), grantName, operations),
        path, mapping.get(), arnNode.get()));
  }

  private Optional<KmsKeyArn> keyArn(YamlNode node, SpecPath path) {
    return string(node, path).flatMap(text -> {
      try {
        return Optional.of(KmsKeyArn.parse(text));
      } catch (IllegalArgumentException e) {
        errors.add(node.mark(), path, e.getMessage());
        return Optional.empty();
      }
    });
  }

  private Optional<String> grantCreator(YamlNode node, SpecPath path) {
    return mapping(node, path).flatMap(mapping -> {
      Fields fields = new Fields(mapping, path, errors, GRANT_CREATOR_FIELDS);
      return fields.required("roleName").flatMap(n -> matching(n, fields.path("roleName"),
          ROLE_NAME, "an IAM role name: 1 to 64 of A-Z a-z 0-9 + = , . @ _ -"));
    });
  }

  /**
   * Every key ARN must be in one partition: the one given, or else the first key's. Returns
   * the partition in effect.
   */
  private Partition checkPartitions(Optional<Partition> given, List<LocatedKey> keys) {
    Partition effective = given.orElse(null);
    SpecPath source = null;
    for (LocatedKey key : keys) {
      Partition partition = key.key().arn().partition();
      if (effective == null) {
        effective = partition;
        source = key.path().property("arn");
      } else if (partition != effective) {
        String other = source == null
            ? "the spec's partition is " + effective.id()
            : source + " is in " + effective.id();
        errors.add(key.arnNode().mark(), key.path().property("arn"), "the key is in partition "
            + partition.id() + ", but " + other + "; all keys must be in one partition");
      }
    }
    return effective;
  }

  /** Grant settings mean nothing for a key in the Auto Scaling account: it gets no grant. */
  private void checkSameAccountKeys(String asgAccount, List<LocatedKey> keys) {
    for (LocatedKey key : keys) {
      if (!key.key().arn().accountId().equals(asgAccount)) {
        continue;
      }
      for (String field : List.of("grantName", "grantOperations")) {
        key.node().entries().stream()
            .filter(e -> e.key().equals(field))
            .findFirst()
            .ifPresent(e -> errors.add(e.keyMark(), key.path().property(field), field
                + " is for keys in another account; this key is in the Auto Scaling account "
                + asgAccount + ", which gets key-policy statements and no grant"));
      }
    }
  }

  private static Mark fieldMark(Mapping mapping, String field) {
    return mapping.entries().stream()
        .filter(e -> e.key().equals(field))
        .map(e -> e.value().mark())
        .findFirst()
        .orElse(mapping.mark());
  }

  private Optional<String> matching(YamlNode node, SpecPath path, Pattern pattern, String what) {
    return string(node, path).flatMap(text -> {
      if (pattern.matcher(text).matches()) {
        return Optional.of(text);
      }
      errors.add(node.mark(), path, quote(text) + " is not " + what);
      return Optional.empty();
    });
  }

  /** A scalar's text. Numbers and booleans count, as written: a key named no is "no". */
  private Optional<String> string(YamlNode node, SpecPath path) {
    if (node instanceof Scalar s && s.type() != Scalar.Type.NULL) {
      return Optional.of(s.text());
    }
    if (node instanceof Scalar s && s.text().equalsIgnoreCase("null")) {
      errors.add(node.mark(), path, "expected a string, found null; quote it (\"" + s.text()
          + "\") if you mean the word");
      return Optional.empty();
    }
    errors.add(node.mark(), path, "expected a string, found " + describe(node));
    return Optional.empty();
  }

  /**
   * A plain {@code true} or {@code false}, nothing else: the reader keeps YAML 1.1's yes, no,
   * on and off as strings, and a quoted "true" is a string too, so each would otherwise be
   * guessed at.
   */
  private Optional<Boolean> bool(YamlNode node, SpecPath path) {
    if (node instanceof Scalar s && s.type() == Scalar.Type.BOOLEAN
        && (s.text().equals("true") || s.text().equals("false"))) {
      return Optional.of(s.text().equals("true"));
    }
    String found = node instanceof Scalar s && s.type() != Scalar.Type.NULL
        ? quote(s.text()) + " (" + node.kindName() + ")" : node.kindName();
    errors.add(node.mark(), path, "expected true or false, found " + found);
    return Optional.empty();
  }

  private Optional<Mapping> mapping(YamlNode node, SpecPath path) {
    if (node instanceof Mapping m) {
      return Optional.of(m);
    }
    errors.add(node.mark(), path, "expected a mapping, found " + describe(node));
    return Optional.empty();
  }

  private static String describe(YamlNode node) {
    return node.kindName();
  }


}
