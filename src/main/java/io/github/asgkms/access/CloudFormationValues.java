package io.github.asgkms.access;

import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * Resolves the CloudFormation intrinsic functions the stack uses, in short ({@code !Ref},
 * {@code !GetAtt}, {@code !Sub}) and long form ({@code Ref}, {@code Fn::GetAtt},
 * {@code Fn::Sub}), to the values CloudFormation gives them (CloudFormation User Guide,
 * "Intrinsic function reference" and each resource's return values). Physical names that
 * CloudFormation makes up are modelled as {@code <stack>-<LogicalId>}; a Region, which the
 * stack does not fix, stays {@code ${AWS::Region}}. Any other function is an error.
 */
final class CloudFormationValues implements ScalarValues {
  static final String STACK_NAME = "asg-kms";
  private static final Pattern SUB_VARIABLE = Pattern.compile("\\$\\{(!?)([^}]*)}");

  private final String partition;
  private final String account;
  private final Map<String, DocNode.Mapping> resources;

  CloudFormationValues(String partition, String account, Map<String, DocNode.Mapping> resources) {
    this.partition = partition;
    this.account = account;
    this.resources = resources;
  }

  @Override
  public String string(DocNode node) throws DocumentException {
    String tag = node.tag();
    if (tag == null && node instanceof DocNode.Scalar scalar && scalar.text() != null) {
      return scalar.text();
    }
    if (tag == null && node instanceof DocNode.Mapping mapping && mapping.entries().size() == 1) {
      Map.Entry<String, DocNode> only = mapping.entries().entrySet().iterator().next();
      DocNode argument = only.getValue();
      return switch (only.getKey()) {
        case "Ref" -> ref(LITERAL.string(argument), argument.where());
        case "Fn::GetAtt" -> getAtt(argument);
        case "Fn::Sub" -> sub(LITERAL.string(argument), argument.where());
        default -> throw new DocumentException(node.where(), only.getKey()
            + " is not resolved by the access model");
      };
    }
    if (tag != null && node instanceof DocNode.Scalar scalar && scalar.text() != null) {
      return switch (tag) {
        case "!Ref" -> ref(scalar.text(), node.where());
        case "!GetAtt" -> getAtt(node);
        case "!Sub" -> sub(scalar.text(), node.where());
        default -> throw new DocumentException(node.where(), tag
            + " is not resolved by the access model");
      };
    }
    if ("!GetAtt".equals(tag)) {
      return getAtt(node);
    }
    throw new DocumentException(node.where(), "expected a string"
        + (tag == null ? "" : ", not " + tag));
  }

  /** The logical ID an {@code !GetAtt X.Arn} or {@code !Ref X} names, or null. */
  static String referencedResource(DocNode node) {
    if (node instanceof DocNode.Scalar scalar && scalar.text() != null) {
      if ("!Ref".equals(node.tag())) {
        return scalar.text();
      }
      if ("!GetAtt".equals(node.tag())) {
        int dot = scalar.text().indexOf('.');
        return dot < 0 ? null : scalar.text().substring(0, dot);
      }
    }
    if (node instanceof DocNode.Mapping mapping && mapping.entries().size() == 1
        && node.tag() == null) {
      DocNode argument = mapping.entries().get("Ref");
      if (argument instanceof DocNode.Scalar scalar) {
        return scalar.text();
      }
      argument = mapping.entries().get("Fn::GetAtt");
      if (argument instanceof DocNode.Sequence sequence && !sequence.items().isEmpty()
          && sequence.items().get(0) instanceof DocNode.Scalar first) {
        return first.text();
      }
    }
    return null;
  }

  private String ref(String name, String where) throws DocumentException {
    switch (name) {
      case "AWS::Partition" -> {
        return partition;
      }
      case "AWS::AccountId" -> {
        return account;
      }
      case "AWS::Region" -> {
        return "${AWS::Region}";
      }
      case "AWS::StackName" -> {
        return STACK_NAME;
      }
      default -> {
        // A resource of the stack, below.
      }
    }
    DocNode.Mapping resource = resource(name, where);
    return switch (type(resource)) {
      case "AWS::IAM::Role" -> roleName(name, resource);
      case "AWS::IAM::ManagedPolicy" -> managedPolicyArn(name, resource);
      case "AWS::Lambda::Function", "AWS::Logs::LogGroup", "AWS::IAM::Policy" ->
          physicalName(name);
      default -> throw new DocumentException(where, "!Ref " + name + " (" + type(resource)
          + ") is not resolved by the access model");
    };
  }

  private String getAtt(DocNode node) throws DocumentException {
    String logicalId;
    String attribute;
    if (node instanceof DocNode.Scalar scalar) {
      int dot = scalar.text().indexOf('.');
      if (dot < 0) {
        throw new DocumentException(node.where(), "!GetAtt needs LogicalId.Attribute");
      }
      logicalId = scalar.text().substring(0, dot);
      attribute = scalar.text().substring(dot + 1);
    } else if (node instanceof DocNode.Sequence sequence && sequence.items().size() == 2) {
      logicalId = LITERAL.string(sequence.items().get(0));
      attribute = LITERAL.string(sequence.items().get(1));
    } else {
      throw new DocumentException(node.where(), "Fn::GetAtt needs [LogicalId, Attribute]");
    }
    DocNode.Mapping resource = resource(logicalId, node.where());
    String type = type(resource);
    if (attribute.equals("Arn")) {
      switch (type) {
        case "AWS::IAM::Role" -> {
          return Principals.role(partition, account, rolePath(resource)
              + roleName(logicalId, resource));
        }
        case "AWS::Lambda::Function" -> {
          return "arn:" + partition + ":lambda:${AWS::Region}:" + account + ":function:"
              + physicalName(logicalId);
        }
        case "AWS::Logs::LogGroup" -> {
          return "arn:" + partition + ":logs:${AWS::Region}:" + account + ":log-group:"
              + physicalName(logicalId) + ":*";
        }
        default -> {
          // reported below
        }
      }
    }
    throw new DocumentException(node.where(), "!GetAtt " + logicalId + "." + attribute + " ("
        + type + ") is not resolved by the access model");
  }

  private String sub(String template, String where) throws DocumentException {
    StringBuilder out = new StringBuilder();
    Matcher m = SUB_VARIABLE.matcher(template);
    int last = 0;
    while (m.find()) {
      out.append(template, last, m.start());
      String variable = m.group(2);
      if (!m.group(1).isEmpty()) {
        out.append("${").append(variable).append('}'); // ${!Literal} is a literal ${Literal}
      } else if (variable.contains(".") && !variable.startsWith("AWS::")) {
        out.append(getAtt(new DocNode.Scalar(variable, "!GetAtt", where)));
      } else {
        out.append(ref(variable, where));
      }
      last = m.end();
    }
    return out.append(template.substring(last)).toString();
  }

  private DocNode.Mapping resource(String logicalId, String where) throws DocumentException {
    DocNode.Mapping resource = resources.get(logicalId);
    if (resource == null) {
      throw new DocumentException(where, "no resource " + logicalId + " in the stack");
    }
    return resource;
  }

  static String type(DocNode.Mapping resource) {
    DocNode type = resource.entries().get("Type");
    return type instanceof DocNode.Scalar scalar && scalar.text() != null ? scalar.text() : "";
  }

  static DocNode property(DocNode.Mapping resource, String name) {
    return resource.entries().get("Properties") instanceof DocNode.Mapping properties
        ? properties.entries().get(name) : null;
  }

  private String roleName(String logicalId, DocNode.Mapping role) throws DocumentException {
    DocNode name = property(role, "RoleName");
    return name == null ? physicalName(logicalId) : string(name);
  }

  private String rolePath(DocNode.Mapping role) throws DocumentException {
    DocNode path = property(role, "Path");
    if (path == null) {
      return "";
    }
    String text = string(path);
    return text.startsWith("/") ? text.substring(1) : text;
  }

  private String managedPolicyArn(String logicalId, DocNode.Mapping policy)
      throws DocumentException {
    DocNode name = property(policy, "ManagedPolicyName");
    return "arn:" + partition + ":iam::" + account + ":policy/"
        + (name == null ? physicalName(logicalId) : string(name));
  }

  /** The name CloudFormation gives a resource that names none: stack, logical ID, suffix. */
  private static String physicalName(String logicalId) {
    return STACK_NAME + "-" + logicalId;
  }
}
