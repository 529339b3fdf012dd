package io.github.asgkms.access;

import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.OutputPaths;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the CloudFormation folders back: each key's policy snippet, and the Auto Scaling
 * account's stack: its roles with their managed and inline policies, the IAM policies attached
 * to roles by name, and the {@code Custom::KmsGrant} resources with the role of the function
 * that serves them. A resource type the model cannot judge the access of is an error.
 */
final class CloudFormationDocuments {
  /** Resources that give no KMS access of their own. */
  private static final Set<String> NO_ACCESS = Set.of("AWS::Logs::LogGroup",
      "AWS::IAM::ServiceLinkedRole", "AWS::Lambda::Function");
  private static final String GRANT_TYPE = "Custom::KmsGrant";

  private CloudFormationDocuments() {}

  static void read(Map<String, String> files, Plan plan, RenderedDocuments into)
      throws DocumentException {
    for (AccountPlan account : plan.accounts()) {
      KeyPolicyFiles.read(files, account, Format.CLOUDFORMATION, KeyPolicyFiles.YAML, into);
      String stack = OutputPaths.folder(Format.CLOUDFORMATION, account.accountId())
          + OutputPaths.STACK_FILE;
      if (files.containsKey(stack)) {
        readStack(stack, files.get(stack), plan, account.accountId(), into);
      }
    }
  }

  private static void readStack(String file, String text, Plan plan, String account,
      RenderedDocuments into) throws DocumentException {
    DocNode root = TreeReader.yaml(file, text);
    if (!(root instanceof DocNode.Mapping template)
        || !(template.entries().get("Resources") instanceof DocNode.Mapping resourceNode)) {
      throw new DocumentException(file, "a stack without Resources");
    }
    Map<String, DocNode.Mapping> resources = new LinkedHashMap<>();
    for (Map.Entry<String, DocNode> entry : resourceNode.entries().entrySet()) {
      if (!(entry.getValue() instanceof DocNode.Mapping resource)) {
        throw new DocumentException(entry.getValue().where(), "resource " + entry.getKey()
            + " is not a mapping");
      }
      resources.put(entry.getKey(), resource);
    }
    CloudFormationValues values = new CloudFormationValues(plan.partition().id(), account,
        resources);
    Map<String, PolicyDocument> managed = new LinkedHashMap<>();
    for (Map.Entry<String, DocNode.Mapping> entry : resources.entrySet()) {
      String id = entry.getKey();
      DocNode.Mapping resource = entry.getValue();
      String type = CloudFormationValues.type(resource);
      String origin = file + " (" + id + ")";
      switch (type) {
        case "AWS::IAM::ManagedPolicy" -> {
          PolicyDocument doc = policy(resource, origin, values);
          managed.put(id, doc);
          attachToRoles(resource, doc, values, plan, account, into);
        }
        case "AWS::IAM::Policy" -> attachToRoles(resource, policy(resource, origin, values),
            values, plan, account, into);
        case "AWS::IAM::Role" -> role(id, resource, origin, values, into);
        case GRANT_TYPE -> into.grants.add(grant(id, resource, origin, values, resources));
        default -> {
          if (!NO_ACCESS.contains(type)) {
            throw new DocumentException(resource.where(), "resource " + id + " of type " + type
                + " is not one the access model can judge the access of");
          }
        }
      }
    }
    for (Map.Entry<String, DocNode.Mapping> entry : resources.entrySet()) {
      if (CloudFormationValues.type(entry.getValue()).equals("AWS::IAM::Role")) {
        DocNode arns = CloudFormationValues.property(entry.getValue(), "ManagedPolicyArns");
        if (arns == null) {
          continue;
        }
        String role = values.string(new DocNode.Scalar(entry.getKey() + ".Arn", "!GetAtt",
            entry.getValue().where()));
        for (DocNode arn : items(arns)) {
          String policyId = CloudFormationValues.referencedResource(arn);
          PolicyDocument doc = policyId == null ? null : managed.get(policyId);
          if (doc == null) {
            throw new DocumentException(arn.where(), "a managed policy that is not in the"
                + " stack: the model cannot read what it allows");
          }
          into.addIdentityPolicy(role, doc);
        }
      }
    }
  }

  private static PolicyDocument policy(DocNode.Mapping resource, String origin,
      CloudFormationValues values) throws DocumentException {
    DocNode document = CloudFormationValues.property(resource, "PolicyDocument");
    if (document == null) {
      throw new DocumentException(resource.where(), "a policy without PolicyDocument");
    }
    for (String unread : List.of("Users", "Groups")) {
      if (CloudFormationValues.property(resource, unread) != null) {
        throw new DocumentException(resource.where(), unread + " of a policy are not modelled");
      }
    }
    DocNode name = CloudFormationValues.property(resource, "ManagedPolicyName");
    if (name == null) {
      name = CloudFormationValues.property(resource, "PolicyName");
    }
    return PolicyReader.read(document, origin, name == null ? null : values.string(name),
        values);
  }

  /**
   * Attaches the policy to the roles it names: a role of the stack by reference, another by
   * name, which for a launcher role stands for its ARN with its path.
   */
  private static void attachToRoles(DocNode.Mapping resource, PolicyDocument doc,
      CloudFormationValues values, Plan plan, String account, RenderedDocuments into)
      throws DocumentException {
    DocNode roles = CloudFormationValues.property(resource, "Roles");
    if (roles == null) {
      return;
    }
    for (DocNode role : items(roles)) {
      String referenced = CloudFormationValues.referencedResource(role);
      String arn = referenced != null
          ? values.string(new DocNode.Scalar(referenced + ".Arn", "!GetAtt", role.where()))
          : PlanFacts.roleArn(plan, account, values.string(role));
      into.addIdentityPolicy(arn, doc);
    }
  }

  private static void role(String id, DocNode.Mapping resource, String origin,
      CloudFormationValues values, RenderedDocuments into) throws DocumentException {
    for (String unread : List.of("PermissionsBoundary")) {
      if (CloudFormationValues.property(resource, unread) != null) {
        throw new DocumentException(resource.where(), unread + " of a role is not modelled");
      }
    }
    DocNode inline = CloudFormationValues.property(resource, "Policies");
    if (inline == null) {
      return;
    }
    String arn = values.string(new DocNode.Scalar(id + ".Arn", "!GetAtt", resource.where()));
    for (DocNode policy : items(inline)) {
      if (!(policy instanceof DocNode.Mapping p) || !p.entries().containsKey("PolicyDocument")) {
        throw new DocumentException(policy.where(), "an inline policy without PolicyDocument");
      }
      DocNode name = p.entries().get("PolicyName");
      into.addIdentityPolicy(arn, PolicyReader.read(p.entries().get("PolicyDocument"),
          origin, name == null ? null : values.string(name), values));
    }
  }

  private static GrantDefinition grant(String id, DocNode.Mapping resource, String origin,
      CloudFormationValues values, Map<String, DocNode.Mapping> resources)
      throws DocumentException {
    DocNode token = CloudFormationValues.property(resource, "ServiceToken");
    String function = token == null ? null : CloudFormationValues.referencedResource(token);
    DocNode.Mapping functionResource = function == null ? null : resources.get(function);
    if (functionResource == null
        || !CloudFormationValues.type(functionResource).equals("AWS::Lambda::Function")) {
      throw new DocumentException(resource.where(), id + " is not served by a function of the"
          + " stack: the model cannot tell who creates the grant");
    }
    DocNode role = CloudFormationValues.property(functionResource, "Role");
    if (role == null) {
      throw new DocumentException(functionResource.where(), "a function without Role");
    }
    String caller = values.string(role);
    String key = required(resource, "KeyId", values);
    DocNode operations = CloudFormationValues.property(resource, "Operations");
    if (operations == null) {
      throw new DocumentException(resource.where(), id + " has no Operations");
    }
    DocNode name = CloudFormationValues.property(resource, "Name");
    DocNode retiring = CloudFormationValues.property(resource, "RetiringPrincipal");
    for (String unread : List.of("Constraints", "GrantTokens")) {
      if (CloudFormationValues.property(resource, unread) != null) {
        throw new DocumentException(resource.where(), unread + " of a grant are not modelled");
      }
    }
    return new GrantDefinition(key, new GrantRequest(required(resource, "GranteePrincipal",
        values), values.strings(operations), name == null ? null : values.string(name),
        retiring == null ? null : values.string(retiring)), true, caller, origin);
  }

  private static String required(DocNode.Mapping resource, String name,
      CloudFormationValues values) throws DocumentException {
    DocNode node = CloudFormationValues.property(resource, name);
    if (node == null) {
      throw new DocumentException(resource.where(), "no " + name);
    }
    return values.string(node);
  }

  private static List<DocNode> items(DocNode node) throws DocumentException {
    if (node instanceof DocNode.Sequence sequence && node.tag() == null) {
      return sequence.items();
    }
    throw new DocumentException(node.where(), "expected a list");
  }
}
