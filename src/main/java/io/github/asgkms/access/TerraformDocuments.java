package io.github.asgkms.access;

import io.github.asgkms.aws.ServiceLinkedLauncher;
import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.OutputPaths;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Reads the Terraform folders back: every {@code .tf} file of each account folder, with the
 * {@code aws_iam_policy_document} data sources, the {@code aws_kms_key_policy},
 * {@code aws_iam_policy}, {@code aws_iam_role_policy_attachment} and {@code aws_kms_grant}
 * resources, the launchers' {@code aws_iam_service_linked_role} resources and the
 * {@code import} blocks that adopt them, and the references between them. A block of a type
 * the model cannot judge the access of is an error, as is a reference it cannot resolve.
 */
final class TerraformDocuments {
  private static final Set<String> IGNORED_TOP_LEVEL = Set.of("terraform", "output");
  private static final Set<String> RESOURCES = Set.of("aws_kms_grant", "aws_iam_policy",
      "aws_iam_role_policy_attachment", "aws_kms_key_policy", "aws_iam_service_linked_role");
  private static final Set<String> DATA = Set.of("aws_iam_policy_document",
      "aws_caller_identity", "aws_partition");
  /** Meta-arguments that order or place a resource but give no access. */
  private static final Set<String> META = Set.of("depends_on", "lifecycle", "provider");
  private static final Set<String> STATEMENT_ARGUMENTS = Set.of("sid", "effect", "actions",
      "not_actions", "resources", "not_resources");

  private final Plan plan;
  private final String account;
  private final String folder;
  private final Map<String, Located> blocks = new LinkedHashMap<>();
  /** The import blocks: they give no access, but must adopt the role they name. */
  private final List<Located> imports = new ArrayList<>();
  /** The blocks of each file, in order: a key's policy is found by its file. */
  private final Map<String, List<Located>> byFile = new LinkedHashMap<>();

  private record Located(Hcl.Block block, String file) {
    String label() {
      return file + " (" + String.join(".", block.labels()) + ")";
    }
  }

  private TerraformDocuments(Plan plan, String account, String folder) {
    this.plan = plan;
    this.account = account;
    this.folder = folder;
  }

  static void read(Map<String, String> files, Plan plan, RenderedDocuments into)
      throws DocumentException {
    AccountFolders folders = new AccountFolders(files);
    HclNames names = new HclNames();
    for (AccountPlan account : plan.accounts()) {
      String folder = OutputPaths.folder(Format.TERRAFORM, account.accountId());
      TerraformDocuments reader = new TerraformDocuments(plan, account.accountId(), folder);
      for (Map.Entry<String, String> file : folders.in(folder).entrySet()) {
        if (file.getKey().startsWith(folder) && file.getKey().endsWith(".tf")
            && file.getKey().indexOf('/', folder.length()) < 0) {
          reader.index(file.getKey(), HclReader.read(file.getKey(), file.getValue(), names));
        }
      }
      reader.imports();
      reader.keyPolicies(account, files, into);
      reader.identityPolicies(into);
      reader.grants(into);
    }
  }

  private void index(String file, Hcl.Body body) throws DocumentException {
    if (!body.attributes().isEmpty()) {
      Hcl.Attribute first = body.attributes().values().iterator().next();
      throw new DocumentException(first.where(), "a top-level attribute in a .tf file");
    }
    for (Hcl.Block block : body.blocks()) {
      if (IGNORED_TOP_LEVEL.contains(block.type())) {
        continue;
      }
      if (block.type().equals("import") && block.labels().isEmpty()) {
        imports.add(new Located(block, file));
        continue;
      }
      boolean data = block.type().equals("data");
      if (!(data || block.type().equals("resource")) || block.labels().size() != 2) {
        throw new DocumentException(block.where(), "a '" + block.type() + "' block: the"
            + " access model reads data sources, resources, outputs and the terraform block");
      }
      String type = block.labels().get(0);
      if (!(data ? DATA : RESOURCES).contains(type)) {
        throw new DocumentException(block.where(), (data ? "data source " : "resource ") + type
            + " is not one the access model can judge the access of");
      }
      for (String forbidden : List.of("count", "for_each")) {
        if (block.body().attributes().containsKey(forbidden)) {
          throw new DocumentException(block.body().attributes().get(forbidden).where(),
              forbidden + " is not read by the access model");
        }
      }
      String address = (data ? "data." : "") + type + "." + block.labels().get(1);
      Located located = new Located(block, file);
      if (blocks.put(address, located) != null) {
        throw new DocumentException(block.where(), address + " is declared twice");
      }
      byFile.computeIfAbsent(file, f -> new ArrayList<>()).add(located);
    }
  }

  private List<Located> ofType(String prefix) {
    List<Located> found = new ArrayList<>();
    blocks.forEach((address, located) -> {
      if (address.startsWith(prefix + ".")) {
        found.add(located);
      }
    });
    return found;
  }

  // ---- imports

  /**
   * Each import adopts a service-linked role the folder declares, by that role's ARN: an
   * import of anything else, or by another ID, would adopt what the model does not see.
   */
  private void imports() throws DocumentException {
    for (Located located : imports) {
      Map<String, Hcl.Attribute> a = located.block().body().attributes();
      for (Hcl.Attribute attribute : a.values()) {
        if (!Set.of("to", "id", "provider").contains(attribute.name())) {
          throw new DocumentException(attribute.where(), "argument " + attribute.name()
              + " of an import block is not read by the access model");
        }
      }
      Hcl.Attribute to = requiredIn(located.block(), a, "to");
      if (!(to.value() instanceof Hcl.Reference ref) || ref.path().size() != 2
          || !ref.path().get(0).equals("aws_iam_service_linked_role")
          || !blocks.containsKey(ref.text())) {
        throw new DocumentException(to.where(), "an import of something other than a"
            + " service-linked role this folder declares is not read by the access model");
      }
      String id = string(requiredIn(located.block(), a, "id"));
      String arn = serviceLinkedRole(blocks.get(ref.text()), "arn", ref);
      if (!id.equals(arn)) {
        throw new DocumentException(a.get("id").where(), "the import of " + ref.text()
            + " names " + id + ", not the role's ARN " + arn);
      }
    }
  }

  // ---- key policies

  private void keyPolicies(AccountPlan account, Map<String, String> files, RenderedDocuments into)
      throws DocumentException {
    for (KeyPlan key : account.keys()) {
      String file = KeyPolicyFiles.path(Format.TERRAFORM, account, key);
      KeyPolicyFiles.text(files, file, key);
      List<Located> inFile = byFile.getOrDefault(file, List.of());
      List<Located> applied = new ArrayList<>();
      for (Located located : inFile) {
        if (located.block().type().equals("resource")
            && located.block().labels().get(0).equals("aws_kms_key_policy")) {
          applied.add(located);
        }
      }
      List<Statement> statements = new ArrayList<>();
      if (!applied.isEmpty()) {
        for (Located policy : applied) {
          Map<String, Hcl.Attribute> a = attributes(policy, "region", "key_id", "policy",
              "bypass_policy_lockout_safety_check");
          String keyId = string(required(policy, a, "key_id"));
          if (!keyId.equals(key.arn())) {
            throw new DocumentException(a.get("key_id").where(), "key_id " + keyId
                + " is not the key " + key.name() + " (" + key.arn() + ") of this file");
          }
          statements.addAll(document(required(policy, a, "policy")).statements());
        }
      } else {
        for (Located doc : inFile) {
          if (doc.block().type().equals("data")
              && doc.block().labels().get(0).equals("aws_iam_policy_document")) {
            statements.addAll(policyDocument(doc).statements());
          }
        }
      }
      into.keyPolicies.put(key.arn(), new PolicyDocument(file, null, statements));
    }
  }

  // ---- IAM

  private void identityPolicies(RenderedDocuments into) throws DocumentException {
    Map<String, PolicyDocument> policies = new LinkedHashMap<>();
    for (Located policy : ofType("aws_iam_policy")) {
      Map<String, Hcl.Attribute> a = attributes(policy, "name", "description", "policy", "path");
      String name = string(required(policy, a, "name"));
      PolicyDocument doc = document(required(policy, a, "policy"));
      policies.put(policyArn(name), new PolicyDocument(policy.label(), name, doc.statements()));
    }
    Set<String> attached = new HashSet<>();
    for (Located attachment : ofType("aws_iam_role_policy_attachment")) {
      Map<String, Hcl.Attribute> a = attributes(attachment, "role", "policy_arn");
      String role = string(required(attachment, a, "role"));
      String arn = string(required(attachment, a, "policy_arn"));
      PolicyDocument doc = policies.get(arn);
      if (doc == null) {
        throw new DocumentException(a.get("policy_arn").where(), "policy " + arn
            + " is not declared here; the model cannot read what it allows");
      }
      // A launcher role is attached to by name; its ARN has its path.
      into.addIdentityPolicy(PlanFacts.roleArn(plan, account, role), doc);
      attached.add(arn);
    }
    for (Map.Entry<String, PolicyDocument> policy : policies.entrySet()) {
      if (!attached.contains(policy.getKey())) {
        into.addIdentityPolicy(RenderedDocuments.unattached(account), policy.getValue());
      }
    }
  }

  private String policyArn(String name) {
    return "arn:" + plan.partition().id() + ":iam::" + account + ":policy/" + name;
  }

  // ---- grants

  private void grants(RenderedDocuments into) throws DocumentException {
    for (Located grant : ofType("aws_kms_grant")) {
      Map<String, Hcl.Attribute> a = attributes(grant, "region", "name", "key_id",
          "grantee_principal", "operations", "retiring_principal", "retire_on_delete",
          "grant_creation_tokens");
      if (!grant.block().body().blocks().isEmpty()) {
        Hcl.Block block = grant.block().body().blocks().get(0);
        throw new DocumentException(block.where(), "a " + block.type()
            + " block: grant constraints are not modelled");
      }
      List<String> operations = strings(required(grant, a, "operations"));
      String name = a.containsKey("name") ? string(a.get("name")) : null;
      String retiring = a.containsKey("retiring_principal")
          ? string(a.get("retiring_principal")) : null;
      boolean retire = a.containsKey("retire_on_delete") && bool(a.get("retire_on_delete"));
      into.grants.add(new GrantDefinition(string(required(grant, a, "key_id")),
          new GrantRequest(string(required(grant, a, "grantee_principal")), operations, name,
              retiring), retire, null, grant.label()));
    }
  }

  // ---- policy documents

  private PolicyDocument policyDocument(Located doc) throws DocumentException {
    Map<String, Hcl.Attribute> a = attributes(doc, "version", "policy_id");
    List<Statement> statements = new ArrayList<>();
    for (Hcl.Block block : doc.block().body().blocks()) {
      if (!block.type().equals("statement")) {
        throw new DocumentException(block.where(), "a " + block.type() + " block in a policy"
            + " document");
      }
      statements.add(statement(block));
    }
    if (a.containsKey("version")) {
      string(a.get("version"));
    }
    return new PolicyDocument(doc.label(), null, statements);
  }

  private Statement statement(Hcl.Block block) throws DocumentException {
    Map<String, Hcl.Attribute> a = block.body().attributes();
    for (String name : a.keySet()) {
      if (!STATEMENT_ARGUMENTS.contains(name)) {
        throw new DocumentException(a.get(name).where(), "unknown statement argument " + name);
      }
    }
    List<String> unsupported = new ArrayList<>();
    if (a.containsKey("not_actions")) {
      unsupported.add("NotAction");
    }
    if (a.containsKey("not_resources")) {
      unsupported.add("NotResource");
    }
    String effectText = a.containsKey("effect") ? string(a.get("effect")) : "Allow";
    Effect effect = switch (effectText) {
      case "Allow" -> Effect.ALLOW;
      case "Deny" -> Effect.DENY;
      default -> throw new DocumentException(a.get("effect").where(), "effect is '"
          + effectText + "'; expected Allow or Deny");
    };
    List<String> principals = new ArrayList<>();
    List<ConditionClause> conditions = new ArrayList<>();
    for (Hcl.Block inner : block.body().blocks()) {
      Map<String, Hcl.Attribute> b = inner.body().attributes();
      switch (inner.type()) {
        case "principals" -> {
          String type = string(requiredIn(inner, b, "type"));
          if (type.equals("AWS")) {
            principals.addAll(strings(requiredIn(inner, b, "identifiers")));
          } else {
            unsupported.add("Principal " + type);
          }
        }
        case "not_principals" -> unsupported.add("NotPrincipal");
        case "condition" -> conditions.add(new ConditionClause(
            string(requiredIn(inner, b, "test")), string(requiredIn(inner, b, "variable")),
            strings(requiredIn(inner, b, "values"))));
        default -> throw new DocumentException(inner.where(), "a " + inner.type()
            + " block in a statement");
      }
    }
    return new Statement(a.containsKey("sid") ? string(a.get("sid")) : null, effect, principals,
        a.containsKey("actions") ? strings(a.get("actions")) : List.of(),
        a.containsKey("resources") ? strings(a.get("resources")) : List.of(),
        conditions, unsupported);
  }

  /** The document a policy argument holds: a data source's .json, or a JSON string. */
  private PolicyDocument document(Hcl.Attribute attribute) throws DocumentException {
    if (attribute.value() instanceof Hcl.Reference ref && ref.path().size() == 4
        && ref.path().get(0).equals("data") && ref.path().get(3).equals("json")) {
      Located doc = blocks.get(String.join(".", ref.path().subList(0, 3)));
      if (doc == null || !ref.path().get(1).equals("aws_iam_policy_document")) {
        throw new DocumentException(ref.where(), ref.text() + " is not a policy document"
            + " declared in this folder");
      }
      return policyDocument(doc);
    }
    String json = string(attribute);
    return PolicyReader.read(TreeReader.json(attribute.where(), json), attribute.where(), null,
        ScalarValues.LITERAL);
  }

  // ---- values

  private Map<String, Hcl.Attribute> attributes(Located located, String... allowed)
      throws DocumentException {
    Map<String, Hcl.Attribute> attributes = located.block().body().attributes();
    Set<String> known = Set.of(allowed);
    for (Hcl.Attribute attribute : attributes.values()) {
      if (!known.contains(attribute.name()) && !META.contains(attribute.name())) {
        throw new DocumentException(attribute.where(), "argument " + attribute.name() + " of "
            + located.block().labels().get(0) + " is not read by the access model");
      }
    }
    return attributes;
  }

  private static Hcl.Attribute required(Located located, Map<String, Hcl.Attribute> a,
      String name) throws DocumentException {
    return requiredIn(located.block(), a, name);
  }

  private static Hcl.Attribute requiredIn(Hcl.Block block, Map<String, Hcl.Attribute> a,
      String name) throws DocumentException {
    Hcl.Attribute attribute = a.get(name);
    if (attribute == null) {
      throw new DocumentException(block.where(), "no " + name + " in " + block.type() + " "
          + String.join(".", block.labels()));
    }
    return attribute;
  }

  private String string(Hcl.Attribute attribute) throws DocumentException {
    return string(attribute.value());
  }

  private String string(Hcl.Expr expr) throws DocumentException {
    if (expr instanceof Hcl.Literal literal && literal.value() instanceof String text) {
      return text;
    }
    if (expr instanceof Hcl.Reference ref) {
      return resolve(ref);
    }
    throw new DocumentException(expr.where(), "expected a string");
  }

  private List<String> strings(Hcl.Attribute attribute) throws DocumentException {
    if (!(attribute.value() instanceof Hcl.Tuple tuple)) {
      throw new DocumentException(attribute.where(), "expected a list for " + attribute.name());
    }
    List<String> values = new ArrayList<>();
    for (Hcl.Expr item : tuple.items()) {
      values.add(string(item));
    }
    return values;
  }

  private static boolean bool(Hcl.Attribute attribute) throws DocumentException {
    if (attribute.value() instanceof Hcl.Literal literal
        && literal.value() instanceof Boolean value) {
      return value;
    }
    throw new DocumentException(attribute.where(), "expected true or false");
  }

  /** The string value of a reference to something declared here, or an error. */
  private String resolve(Hcl.Reference ref) throws DocumentException {
    List<String> p = ref.path();
    String partition = plan.partition().id();
    if (p.size() == 4 && p.get(0).equals("data")) {
      Located data = blocks.get(String.join(".", p.subList(0, 3)));
      if (data != null && p.get(1).equals("aws_caller_identity") && p.get(3).equals("account_id")) {
        return account;
      }
      if (data != null && p.get(1).equals("aws_partition") && p.get(3).equals("partition")) {
        return partition;
      }
    }
    if (p.size() == 3) {
      Located resource = blocks.get(String.join(".", p.subList(0, 2)));
      if (resource != null && p.get(0).equals("aws_iam_policy") && p.get(2).equals("arn")) {
        Map<String, Hcl.Attribute> a = resource.block().body().attributes();
        return policyArn(string(required(resource, a, "name")));
      }
      if (resource != null && p.get(0).equals("aws_iam_service_linked_role")) {
        return serviceLinkedRole(resource, p.get(2), ref);
      }
    }
    throw new DocumentException(ref.where(), "the reference " + ref.text() + " cannot be"
        + " resolved by the access model");
  }

  /** A service-linked role's name or ARN: fixed by IAM from its service and suffix. */
  private String serviceLinkedRole(Located role, String attribute, Hcl.Reference ref)
      throws DocumentException {
    Map<String, Hcl.Attribute> a = attributes(role, "aws_service_name", "custom_suffix",
        "description");
    String service = string(required(role, a, "aws_service_name"));
    ServiceLinkedLauncher launcher = null;
    for (ServiceLinkedLauncher candidate : ServiceLinkedLauncher.values()) {
      if (candidate.serviceName().equals(service)) {
        launcher = candidate;
      }
    }
    if (launcher == null) {
      throw new DocumentException(a.get("aws_service_name").where(), "a service-linked role"
          + " of " + service + " is not modelled");
    }
    Optional<String> suffix = a.containsKey("custom_suffix")
        ? Optional.of(string(a.get("custom_suffix"))) : Optional.empty();
    if (suffix.isPresent() && !launcher.takesSuffix()) {
      throw new DocumentException(a.get("custom_suffix").where(), "the service-linked role of "
          + service + " takes no custom suffix");
    }
    return switch (attribute) {
      case "name" -> launcher.roleName(suffix);
      case "arn" -> launcher.roleArn(plan.partition(), account, suffix);
      default -> throw new DocumentException(ref.where(), "the reference " + ref.text()
          + " cannot be resolved by the access model");
    };
  }
}
