package io.github.asgkms.access;

import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.Plan;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.OutputPaths;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Reads the JSON folders back: each key's policy statements, the create-grant policy documents
 * (held by the role the spec names, since a JSON file attaches itself to nothing), the IAM
 * policy documents of the launchers that are roles of the user's own (held by the role the
 * plan's policy of that name is for), and the
 * {@code aws kms create-grant} and {@code aws sts get-caller-identity} calls of
 * {@code create-grants.sh}.
 */
final class JsonDocuments {
  private static final Set<String> IGNORED_OPTIONS = Set.of("--query", "--output",
      "--grant-tokens");
  private JsonDocuments() {}

  static void read(Map<String, String> files, Plan plan, String creatorIdentity,
      RenderedDocuments into) throws DocumentException {
    AccountFolders folders = new AccountFolders(files);
    for (AccountPlan account : plan.accounts()) {
      String folder = OutputPaths.folder(Format.JSON, account.accountId());
      KeyPolicyFiles.read(files, account, Format.JSON, KeyPolicyFiles.JSON, into);
      for (Map.Entry<String, String> file : folders.in(folder).entrySet()) {
        String path = file.getKey();
        String name = path.substring(folder.length());
        if (OutputPaths.isCreateGrantPolicyFile(name)) {
          String identity = account.autoScalingAccount() ? creatorIdentity
              : RenderedDocuments.unattached(account.accountId());
          into.addIdentityPolicy(identity, PolicyReader.read(TreeReader.json(path,
              file.getValue()), path, name.substring(0, name.length() - ".json".length()),
              ScalarValues.LITERAL));
        } else if (OutputPaths.isLauncherRolePolicyFile(name)) {
          String policy = OutputPaths.launcherRolePolicyName(name);
          into.addIdentityPolicy(launcherRole(plan, account, policy, path),
              PolicyReader.read(TreeReader.json(path, file.getValue()), path, policy,
                  ScalarValues.LITERAL));
        } else if (name.endsWith(".sh")) {
          script(path, file.getValue(), into);
        }
      }
    }
  }

  /** The launcher role the plan's policy of that name is attached to, by its ARN. */
  private static String launcherRole(Plan plan, AccountPlan account, String policy,
      String path) throws DocumentException {
    for (IamPolicyPlan planned : account.launcherRolePolicies()) {
      if (policy.equals(planned.name())) {
        return PlanFacts.roleArn(plan, account.accountId(), planned.roleName());
      }
    }
    throw new DocumentException(path, "the plan has no launcher role policy " + policy
        + ": the model cannot tell which role it is for");
  }

  private static void script(String file, String text, RenderedDocuments into)
      throws DocumentException {
    for (ShellScript.Command command : ShellScript.awsCommands(file, text)) {
      List<String> words = command.words();
      String call = words.size() < 2 ? String.join(" ", words)
          : words.get(0) + " " + words.get(1);
      switch (call) {
        case "kms create-grant" -> into.grants.add(createGrant(command));
        case "sts get-caller-identity" -> into.stsCalls.add(new RenderedDocuments.StsCall(
            options(command, Set.of("--region")).region(), command.where()));
        default -> throw new DocumentException(command.where(), "aws " + call
            + " is not a call the access model reads");
      }
    }
  }

  private static GrantDefinition createGrant(ShellScript.Command command)
      throws DocumentException {
    Options o = options(command, Set.of("--key-id", "--grantee-principal", "--operations",
        "--name", "--retiring-principal", "--region"));
    if (o.keyId == null || o.grantee == null || o.operations.isEmpty()) {
      throw new DocumentException(command.where(), "create-grant without --key-id,"
          + " --grantee-principal or --operations");
    }
    return new GrantDefinition(o.keyId, new GrantRequest(o.grantee, o.operations, o.name,
        o.retiring), true, null, command.where());
  }

  /** The options of one command; any it does not know is an error. */
  private static Options options(ShellScript.Command command, Set<String> known)
      throws DocumentException {
    Options o = new Options();
    List<String> words = command.words();
    for (int i = 2; i < words.size(); i++) {
      String option = words.get(i);
      if (!known.contains(option) && !IGNORED_OPTIONS.contains(option)) {
        throw new DocumentException(command.where(), "option " + option + " of aws "
            + words.get(0) + " " + words.get(1) + " is not read by the access model");
      }
      if (option.equals("--operations")) {
        while (i + 1 < words.size() && !words.get(i + 1).startsWith("--")) {
          o.operations.add(words.get(++i));
        }
        continue;
      }
      if (i + 1 >= words.size()) {
        throw new DocumentException(command.where(), option + " without a value");
      }
      String value = words.get(++i);
      switch (option) {
        case "--key-id" -> o.keyId = value;
        case "--grantee-principal" -> o.grantee = value;
        case "--name" -> o.name = value;
        case "--retiring-principal" -> o.retiring = value;
        case "--region" -> o.region = value;
        default -> {
          // ignored: --query, --output, --grant-tokens shape the answer, not the access
        }
      }
    }
    return o;
  }

  private static final class Options {
    String keyId;
    String grantee;
    final List<String> operations = new ArrayList<>();
    String name;
    String retiring;
    String region;

    String region() {
      return region;
    }
  }
}
