package io.github.asgkms.access;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.aws.GrantOperations;
import io.github.asgkms.aws.Partition;
import io.github.asgkms.aws.ServiceLinkedLauncher;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.LauncherPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.SortedSet;
import java.util.TreeSet;

/**
 * One replay's world: a deployment's documents and its own grant state, with the grant IDs
 * the calls so far got back, for one launcher. A sequence is replayed in two lanes at once, the
 * rendered output's and the plan's, so that a refusal can name the planned statement that
 * would have allowed it. A lane replays one launcher: its role makes the launch's calls, and
 * on a key in another account the grant the lane creates is that launcher's, so grant IDs are
 * kept by key.
 */
final class Lane {
  /** Where EC2 puts the volume's grant: its infrastructure role (KMS Developer Guide,
   * "Examining grants", whose example grant for an EBS volume has this grantee). */
  private static final String VOLUME_GRANTEE_ROLE = "aws:ec2-infrastructure";
  private static final List<String> VOLUME_OPERATIONS =
      List.of("Decrypt", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo");

  final Deployment deployment;
  final AccessWorld world;
  final Map<String, String> grantIds = new HashMap<>();
  /** The launcher replayed; null where no launcher makes calls. */
  final LauncherPlan launcher;

  Lane(Deployment deployment, AccessWorld world) {
    this(deployment, world, PlanFacts.defaultLauncher(deployment.plan));
  }

  private Lane(Deployment deployment, AccessWorld world, LauncherPlan launcher) {
    this.deployment = deployment;
    this.world = world;
    this.launcher = launcher;
  }

  /** The same documents with a grant state of its own, for the same launcher. */
  Lane fresh() {
    return fresh(launcher);
  }

  /** The same documents with a grant state of its own, for the launcher given. */
  Lane fresh(LauncherPlan replayed) {
    return new Lane(deployment, world.withGrants(new GrantState()), replayed);
  }

  /** The same world and grant state, for another launcher: the probes' lanes. */
  Lane as(LauncherPlan replayed) {
    return new Lane(deployment, world, replayed);
  }

  /** Whether the lane's launcher is a service's service-linked role, which gets grants. */
  boolean serviceLinked() {
    return launcher != null && launcher.serviceLinked();
  }

  /**
   * The role a grant on a key in another account is for: the lane's launcher's when it is a
   * service-linked role, else the first service-linked launcher's; null when there is none.
   */
  String grantee() {
    if (serviceLinked()) {
      return launcher.roleArn();
    }
    return deployment.plan.serviceLinkedLaunchers().isEmpty() ? null
        : deployment.plan.serviceLinkedLaunchers().get(0).roleArn();
  }

  /** The rendered (or, in the plan's lane, planned) grant on the key for the lane's grantee. */
  GrantDefinition grantFor(KeyPlan key) {
    return deployment.grantFor(key.arn(), grantee());
  }

  /**
   * The service a sequence or probe says sends its calls, as kms:ViaService names it; null
   * when there is none to try. {@code ec2}: EC2 in the key's Region; {@code
   * ec2InAnotherKeysRegion}: EC2 in the Region of another key of the spec;
   * {@code ec2InARegionOfNoKey}: EC2 in a Region where the spec has no key.
   */
  String service(String viaService, KeyPlan key) {
    SortedSet<String> regions = new TreeSet<>();
    for (KeyPlan other : deployment.plan.keys()) {
      regions.add(other.region());
    }
    Partition partition = deployment.plan.partition();
    return switch (viaService) {
      case "ec2" -> partition.ec2Service(key.region());
      case "ec2InAnotherKeysRegion" -> {
        regions.remove(key.region());
        yield regions.isEmpty() ? null : partition.ec2Service(regions.first());
      }
      case "ec2InARegionOfNoKey" -> {
        List<String> candidates = switch (partition) {
          case AWS_CN -> List.of("cn-north-1", "cn-northwest-1", "cn-nowhere-1");
          case AWS_US_GOV -> List.of("us-gov-west-1", "us-gov-east-1", "us-gov-nowhere-1");
          default -> List.of("us-east-1", "us-west-2", "eu-west-1", "nowhere-nowhere-1");
        };
        String region = candidates.stream().filter(r -> !regions.contains(r)).findFirst()
            .orElse("nowhere-" + regions.size() + "-1");
        yield partition.ec2Service(region);
      }
      default -> throw new IllegalStateException("unknown viaService " + viaService);
    };
  }

  /** A caller's ARN, a session where it is a role; null when the deployment has none. */
  String caller(String name, KeyPlan key) {
    String partition = deployment.plan.partition().id();
    String asg = deployment.plan.autoScalingAccountId();
    return switch (name) {
      case "grantCreator" -> deployment.manager == GrantManager.CLOUDFORMATION
          || deployment.plan.grants().isEmpty() ? null
          : Principals.session(deployment.creator, "asg-kms");
      case "grantFunctionRole" -> deployment.functionRole == null ? null
          : Principals.session(deployment.functionRole, CloudFormationValues.STACK_NAME
              + "-GrantFunction");
      case "serviceLinkedRole" -> serviceLinked()
          ? Principals.session(launcher.roleArn(), sessionName(launcher)) : null;
      case "launcherRole" -> launcher != null && !launcher.serviceLinked()
          ? Principals.session(launcher.roleArn(), "launch") : null;
      case "autoScalingAccountAdministrator" -> administrator(partition, asg);
      case "keyAccountAdministrator" -> administrator(partition, key.accountId());
      case "stranger" -> administrator(partition, deployment.strangerAccount());
      default -> throw new IllegalStateException("unknown caller " + name);
    };
  }

  /**
   * How a service names its role's session, its name without spaces ({@code EC2Fleet}); any
   * name would do, the role decides.
   */
  private static String sessionName(LauncherPlan launcher) {
    return ServiceLinkedLauncher.fromId(launcher.id()).orElse(ServiceLinkedLauncher.AUTOSCALING)
        .displayName().replace(" ", "");
  }

  private static String administrator(String partition, String account) {
    return Principals.session(Principals.role(partition, account, Deployment.ADMINISTRATOR),
        "probe");
  }

  /**
   * The operations the spec grants the lane's grantee on a key in another account; every one
   * on a key of its own, and on any key for a launcher role, which uses keys through its
   * policies, not a grant.
   */
  List<String> grantedOperations(KeyPlan key) {
    if (!key.crossAccount() || launcher != null && !launcher.serviceLinked()) {
      return new ArrayList<>(new TreeSet<>(GrantOperations.VALID));
    }
    GrantPlan grant = deployment.plannedGrant(key.arn(), grantee());
    if (grant == null && !deployment.plannedGrants(key.arn()).isEmpty()) {
      grant = deployment.plannedGrants(key.arn()).get(0);
    }
    return grant == null ? List.of() : grant.operations();
  }

  /** The grant a CreateGrant step or probe asks for; null when it has nothing to ask. */
  GrantRequest grantRequest(String kind, KeyPlan key) {
    GrantDefinition definition = grantFor(key);
    String partition = deployment.plan.partition().id();
    String slr = grantee();
    List<String> planned = grantedOperations(key);
    return switch (kind) {
      case "rendered" -> definition == null ? null : definition.request();
      case "renamed" -> definition == null ? null : definition.request().withName(
          (definition.request().name() == null ? "asg" : definition.request().name())
              + "-renamed");
      case "forTheVolume" -> {
        List<String> operations = new ArrayList<>(VOLUME_OPERATIONS);
        operations.retainAll(planned);
        yield operations.isEmpty() ? null : new GrantRequest(Principals.session(
            Principals.role(partition, deployment.plan.autoScalingAccountId(),
                VOLUME_GRANTEE_ROLE), "i-0launch"), operations, null, null);
      }
      case "toAStranger" -> new GrantRequest(Principals.role(partition,
          deployment.strangerAccount(), "stranger"), planned, null, null);
      case "withAnotherOperation" -> {
        if (slr == null) {
          yield null; // no service-linked launcher: no grant to ask for more than
        }
        List<String> more = new ArrayList<>(planned);
        for (String operation : new TreeSet<>(GrantOperations.VALID)) {
          if (!more.contains(operation)) {
            more.add(operation);
            break;
          }
        }
        yield new GrantRequest(slr, more, null, null);
      }
      case "planned" -> slr == null || planned.isEmpty() ? null
          : new GrantRequest(slr, planned, null, null);
      default -> throw new IllegalStateException("unknown grant " + kind);
    };
  }
}
