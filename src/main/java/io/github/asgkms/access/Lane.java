package io.github.asgkms.access;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.aws.GrantOperations;
import io.github.asgkms.plan.GrantPlan;
import io.github.asgkms.plan.KeyPlan;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.TreeSet;

/**
 * One replay's world: a deployment's documents and its own grant state, with the grant IDs
 * the calls so far got back. A sequence is replayed in two lanes at once, the rendered output's
 * and the plan's, so that a refusal can name the planned statement that would have allowed it.
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

  Lane(Deployment deployment, AccessWorld world) {
    this.deployment = deployment;
    this.world = world;
  }

  Lane fresh() {
    return new Lane(deployment, world.withGrants(new GrantState()));
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
      case "serviceLinkedRole" -> Principals.session(PlanFacts.launcherRole(deployment.plan),
          "AutoScaling");
      case "autoScalingAccountAdministrator" -> administrator(partition, asg);
      case "keyAccountAdministrator" -> administrator(partition, key.accountId());
      case "stranger" -> administrator(partition, deployment.strangerAccount());
      default -> throw new IllegalStateException("unknown caller " + name);
    };
  }

  private static String administrator(String partition, String account) {
    return Principals.session(Principals.role(partition, account, Deployment.ADMINISTRATOR),
        "probe");
  }

  /** The operations the spec grants on a key in another account; every one for its own. */
  List<String> grantedOperations(KeyPlan key) {
    if (!key.crossAccount()) {
      return new ArrayList<>(new TreeSet<>(GrantOperations.VALID));
    }
    GrantPlan grant = deployment.plannedGrant(key.arn());
    return grant == null ? List.of() : grant.operations();
  }

  /** The grant a CreateGrant step or probe asks for; null when it has nothing to ask. */
  GrantRequest grantRequest(String kind, KeyPlan key) {
    GrantDefinition definition = deployment.grantFor(key.arn());
    String partition = deployment.plan.partition().id();
    String slr = PlanFacts.launcherRole(deployment.plan);
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
        List<String> more = new ArrayList<>(planned);
        for (String operation : new TreeSet<>(GrantOperations.VALID)) {
          if (!more.contains(operation)) {
            more.add(operation);
            break;
          }
        }
        yield new GrantRequest(slr, more, null, null);
      }
      case "planned" -> new GrantRequest(slr, planned, null, null);
      default -> throw new IllegalStateException("unknown grant " + kind);
    };
  }
}
