package io.github.asgkms.spec;

import static io.github.asgkms.spec.Field.optional;
import static io.github.asgkms.spec.Field.required;
import static io.github.asgkms.spec.Field.withDefault;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.aws.IamRoleArn;
import io.github.asgkms.aws.Launcher;
import io.github.asgkms.aws.ServiceLinkedLauncher;
import io.github.asgkms.aws.GrantOperations;
import io.github.asgkms.aws.Partition;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * A validated spec, version 1. Every value in it has passed its checks: nothing past this
 * stage sees a string that was not validated.
 *
 * <p>Each property is declared once, below: its name, how it is read and checked, its default
 * and its documentation. The binder, the unknown-property suggestions, the JSON Schema and the
 * field table of docs/spec.md all come from these declarations; checks that compare fields are
 * {@link Rules}.
 */
public final class Spec {
  static final Field<Integer> VERSION = required("version", Types.VERSION,
      "The spec version; only 1 exists.",
      "The number `1`, the only version so far.");

  static final Field<Partition> PARTITION = optional("partition",
      Types.choice("partition", List.of(Partition.values()), Partition::id, false),
      "The AWS partition. By default, that of the key ARNs, which must agree.",
      "`aws`, `aws-cn` or `aws-us-gov`. By default it is the partition of the key ARNs, which"
          + " must all agree. When it is given, every ARN must be in it.");

  static final Field<String> AUTO_SCALING_ACCOUNT_ID = required("autoScalingAccountId",
      Types.ACCOUNT_ID,
      "The account that owns the Auto Scaling groups: 12 digits. Quote it when it starts"
          + " with 0.",
      "The account that owns the Auto Scaling groups: 12 digits, quoted or not. Unquoted"
          + " digits stay exactly as written, so `012345678901` keeps its leading zero.");

  /** IAM's CustomSuffix characters; AWSServiceRoleForAutoScaling_ + the suffix fits in 64. */
  static final Field<String> SERVICE_LINKED_ROLE_SUFFIX = optional("serviceLinkedRoleSuffix",
      Types.matching(Pattern.compile("[A-Za-z0-9+=,.@_-]{1,35}"),
          "a service-linked role suffix: 1 to 35 of A-Z a-z 0-9 + = , . @ _ -"),
      "The custom suffix of the service-linked role: AWSServiceRoleForAutoScaling_<suffix>.",
      "The suffix of a custom service-linked role: the role becomes"
          + " `AWSServiceRoleForAutoScaling_<suffix>`. 1 to 35 of `A-Z a-z 0-9 + = , . @ _ -`,"
          + " so the role name fits IAM's 64 characters.");

  static final Field<List<String>> GRANT_OPERATIONS = withDefault("grantOperations",
      Types.GRANT_OPERATIONS, GrantOperations.KNOWLEDGE_CENTER,
      "The default operations of every grant: a preset or a list.",
      "The default operations for every grant: `knowledge-center` (the article's five: `"
          + String.join(" ", GrantOperations.KNOWLEDGE_CENTER) + "`), `user-guide` (the Auto"
          + " Scaling User Guide's eight: `" + String.join(" ", GrantOperations.USER_GUIDE)
          + "`), or a list of KMS grant operations, with no repeats.");

  static final Field<List<KeySpec>> KEYS = required("keys",
      Types.nonEmptyList(Types.mapping(KeySpec.FIELDS, KeySpec::new), "keys",
          "at least one key is required"),
      "The keys, one or more.",
      "One or more keys.");

  static final Field<String> GRANT_CREATOR_ROLE_NAME = required("roleName",
      Types.matching(Pattern.compile("[A-Za-z0-9+=,.@_-]{1,64}"),
          "an IAM role name: 1 to 64 of A-Z a-z 0-9 + = , . @ _ -"),
      "The role the CreateGrant policy is attached to.",
      "The role's name: 1 to 64 of `A-Z a-z 0-9 + = , . @ _ -`. Its ARN is written"
          + " `arn:<p>:iam::<asg>:role/<roleName>`, so the role must have the path `/`.");

  static final Field<Values> GRANT_CREATOR = optional("grantCreator",
      Types.mapping(new FieldSet(GRANT_CREATOR_ROLE_NAME), values -> values),
      "The IAM role in the Auto Scaling account that creates the grants with Terraform or the"
          + " CLI, and retires them. No effect with grantManager: cloudformation.",
      "An IAM role in the Auto Scaling account that creates the grants with Terraform or the"
          + " CLI: it receives the grant creator's policy and is the grants' retiring principal."
          + " Without it, the Auto Scaling account itself is the retiring principal. It is only"
          + " used when some key is in another account, and not with `grantManager:"
          + " cloudformation`, whose function has a role of its own; otherwise the plugin warns"
          + " that it has no effect.");

  static final Field<Boolean> CREATE_SERVICE_LINKED_ROLE = withDefault("createServiceLinkedRole",
      Types.BOOLEAN, false,
      "Also create the Auto Scaling service-linked role, before the grants (Terraform and"
          + " CloudFormation). Only where no other stack owns the role. Only true or false.",
      "`true` or `false` (the default), written plainly: `yes`, `on` or `\"true\"` are"
          + " refused. With `true`, the Terraform and CloudFormation output also create the"
          + " service-linked role, before anything that names it. See [Creating the"
          + " service-linked role](#creating-the-service-linked-role).");

  static final Field<Boolean> LEAST_PRIVILEGE = withDefault("leastPrivilege", Types.BOOLEAN,
      false,
      "Condition cross-account CreateGrant, in the key policy and the IAM policy, on the grantee"
          + " (the service-linked role) and the grant's operations. Only true or false.",
      "`true` or `false` (the default), written plainly. With `true`, the cross-account"
          + " CreateGrant, in the key policy and in the IAM policy, is allowed only for grants to"
          + " the service-linked role with the grant's own operations. See"
          + " [Security](security.md#security).");

  static final Field<Boolean> FULL_KEY_POLICY = withDefault("fullKeyPolicy", Types.BOOLEAN,
      false,
      "Write complete key policies, with the key account's root statement, instead of"
          + " statements to merge. Only true or false.",
      "`true` or `false` (the default), written plainly. With `true`, each key gets a complete"
          + " key policy, starting with its account's root statement, instead of statements to"
          + " merge. See [Security](security.md#security).");

  static final Field<GrantManager> GRANT_MANAGER = withDefault("grantManager",
      Types.choice("grant manager", List.of(GrantManager.values()), GrantManager::id, true),
      GrantManager.TERRAFORM,
      "The one tool that creates, reads and deletes the grants on keys in other accounts; only"
          + " its grant artifact is generated, and the policies allow exactly what it calls."
          + " terraform (the default): aws_kms_grant; cloudformation: the stack's Custom::KmsGrant"
          + " function; cli: create-grants.sh.",
      "The one tool that creates, reads and deletes the grants on keys in other accounts:"
          + " `terraform` (`aws_kms_grant`), `cloudformation` (the stack's `Custom::KmsGrant`"
          + " function) or `cli` (`create-grants.sh`). Only that tool's grant artifact is"
          + " generated, and the key policies and IAM policies allow exactly the calls it makes"
          + " (see [Who manages the grants](output.md#who-manages-the-grants)). When there are"
          + " grants and the manager's format is not among the generated formats, `generate`"
          + " warns that nothing there creates them.");

  static final Field<IamRoleArn> LAUNCHER_ROLE_ARN = required("roleArn", Types.ROLE_ARN,
      "A role of your own that calls RunInstances, in the Auto Scaling account.",
      "The ARN of a role of your own that launches instances itself, such as a node"
          + " autoscaler's controller: `arn:<partition>:iam::<autoScalingAccountId>:role/<path>"
          + "<name>`. It must be in the Auto Scaling account and the spec's partition, and not a"
          + " service-linked role (path `/aws-service-role/`).");

  /** One item of launchers; the rules read each item again with it, to know its place. */
  static final ValueType<Launcher> LAUNCHER = Types.launcher(LAUNCHER_ROLE_ARN);

  static final Field<List<Launcher>> LAUNCHERS = withDefault("launchers",
      Types.nonEmptyList(LAUNCHER, "launchers",
          "at least one launcher is required; leave launchers out for [autoscaling]"),
      List.of(ServiceLinkedLauncher.AUTOSCALING),
      "Who launches instances with the keys: autoscaling, ec2-fleet, spot-fleet, or roleArn:"
          + " a role of your own. Each gets the key's use.",
      "Who launches instances with the keys, each once: `autoscaling` (the default, the"
          + " `AWSServiceRoleForAutoScaling` role, which EKS managed node groups use too),"
          + " `ec2-fleet` (`AWSServiceRoleForEC2Fleet`), `spot-fleet`"
          + " (`AWSServiceRoleForEC2SpotFleet`), or `roleArn: <ARN>`, a role of your own that"
          + " calls RunInstances itself. Each service-linked role gets the article's statements"
          + " and, on a key in another account, a grant of its own; a role of your own gets"
          + " key-policy statements limited to EC2 in the key's Region (`kms:ViaService`) and the"
          + " Auto Scaling account (`kms:CallerAccount`), and on a key in another account an IAM"
          + " policy, but no grant. See [Launchers](output.md#launchers).");

  static final Field<Boolean> IMPORT_SERVICE_LINKED_ROLES = withDefault(
      "importServiceLinkedRoles", Types.BOOLEAN, false,
      "Terraform: adopt each launcher's existing service-linked role with import blocks"
          + " (Terraform 1.5 or later). Not with createServiceLinkedRole, nor with the"
          + " CloudFormation format. Only true or false.",
      "`true` or `false` (the default), written plainly. With `true`, the Terraform output"
          + " adopts each service-linked launcher's existing role with an `import` block, instead"
          + " of creating it, and needs Terraform 1.5 or later. Not together with"
          + " `createServiceLinkedRole`, and refused when the `cloudformation` format is"
          + " generated: a CloudFormation template cannot import a service-linked role.");

  /** The spec's top level, in the order an unknown-property error lists it. */
  static final FieldSet FIELDS = new FieldSet(VERSION, PARTITION, AUTO_SCALING_ACCOUNT_ID,
      SERVICE_LINKED_ROLE_SUFFIX, GRANT_OPERATIONS, KEYS, GRANT_CREATOR,
      CREATE_SERVICE_LINKED_ROLE, LEAST_PRIVILEGE, FULL_KEY_POLICY, GRANT_MANAGER, LAUNCHERS,
      IMPORT_SERVICE_LINKED_ROLES);

  private final Values values;

  Spec(Values values) {
    this.values = values;
  }

  /** The partition, given or taken from the key ARNs. */
  public Partition partition() {
    return values.find(PARTITION).orElseGet(() -> keys().get(0).arn().partition());
  }

  /** The account that owns the Auto Scaling groups. */
  public String autoScalingAccountId() {
    return values.get(AUTO_SCALING_ACCOUNT_ID);
  }

  /** The custom suffix of the service-linked role, if any. */
  public Optional<String> serviceLinkedRoleSuffix() {
    return values.find(SERVICE_LINKED_ROLE_SUFFIX);
  }

  /** The default operations for grants. */
  public List<String> grantOperations() {
    return values.get(GRANT_OPERATIONS);
  }

  /** The keys, in spec order. */
  public List<KeySpec> keys() {
    return values.get(KEYS);
  }

  /** The IAM role to attach the CreateGrant policy to, if any. */
  public Optional<String> grantCreatorRoleName() {
    return values.find(GRANT_CREATOR).map(creator -> creator.get(GRANT_CREATOR_ROLE_NAME));
  }

  public boolean createServiceLinkedRole() {
    return values.get(CREATE_SERVICE_LINKED_ROLE);
  }

  /** Whether cross-account CreateGrant is conditioned on the grantee and the operations. */
  public boolean leastPrivilege() {
    return values.get(LEAST_PRIVILEGE);
  }

  /**
   * Whether key policies are complete, with the key account's root statement, rather than
   * statements to merge.
   */
  public boolean fullKeyPolicy() {
    return values.get(FULL_KEY_POLICY);
  }

  /** The one tool that creates, reads and deletes the grants. */
  public GrantManager grantManager() {
    return values.get(GRANT_MANAGER);
  }

  /** Who launches instances with the keys, in spec order. */
  public List<Launcher> launchers() {
    return values.get(LAUNCHERS);
  }

  /** Whether Terraform adopts the launchers' existing service-linked roles by import. */
  public boolean importServiceLinkedRoles() {
    return values.get(IMPORT_SERVICE_LINKED_ROLES);
  }

  /** Where importServiceLinkedRoles is set, for an error that depends on the formats. */
  public Optional<Location> importServiceLinkedRolesLocation() {
    return values.entry(IMPORT_SERVICE_LINKED_ROLES).map(e -> new Location(e.keyMark(),
        values.path(IMPORT_SERVICE_LINKED_ROLES)));
  }

  /** Where serviceLinkedRoleSuffix is set, for an error that depends on the formats. */
  public Optional<Location> serviceLinkedRoleSuffixLocation() {
    return values.entry(SERVICE_LINKED_ROLE_SUFFIX).map(e -> new Location(e.value().mark(),
        values.path(SERVICE_LINKED_ROLE_SUFFIX)));
  }

  /** Where a key's ARN stands, for an error the planner finds about the key. */
  public Location keyLocation(KeySpec key) {
    return new Location(key.values().valueMark(KeySpec.ARN), key.values().path());
  }

  /** A place in the spec: the file position and the path of the value. */
  public record Location(Mark mark, SpecPath path) {
    /** An error at this place of the spec file {@code file}. */
    public SpecError error(String file, String message) {
      return new SpecError(file, mark, path, message);
    }
  }

  Values values() {
    return values;
  }
}
