package io.github.asgkms.render;

import io.github.asgkms.aws.GrantManager;
import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.IamPolicyPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.plan.Plan;
import java.util.ArrayList;
import java.util.List;

/**
 * Which templates a format renders for a plan, and where each file goes. Every format shares
 * one loop: a folder per account, applied with that account's credentials, holding a
 * key-policy file per key, then the account's other files, which are what each format says
 * for itself. {@link OutputPaths} names the folders and the files the access model reads back.
 */
abstract class Layout {
  private final Format format;
  private final String keyPolicyTemplate;

  /**
   * @param format the format laid out, which names its folders and key-policy files
   * @param keyPolicyTemplate the template of each key's policy file
   */
  Layout(Format format, String keyPolicyTemplate) {
    this.format = format;
    this.keyPolicyTemplate = keyPolicyTemplate;
  }

  /**
   * Every built-in template of the format, those it imports included: what the up-to-date
   * stamp hashes, so a changed template means work again.
   */
  abstract List<String> templates();

  /** Adds the account's files besides its key policies. */
  abstract void addAccountFiles(Folder folder);

  final List<RenderJob> jobs(Plan plan) {
    List<RenderJob> jobs = new ArrayList<>();
    for (AccountPlan account : plan.accounts()) {
      Folder folder = new Folder(OutputPaths.folder(format, account.accountId()), plan,
          account);
      for (KeyPlan key : account.keys()) {
        folder.add(keyPolicyTemplate, OutputPaths.keyPolicyFile(format, key), "key", key);
      }
      addAccountFiles(folder);
      jobs.addAll(folder.jobs);
    }
    return jobs;
  }

  /**
   * The grant creator's IAM policies, for an identity of the account to hold: none when the
   * grants are created by the function that the CloudFormation stack deploys, whose role gets
   * its policies in that stack.
   */
  static List<IamPolicyPlan> policiesToAttach(Plan plan, AccountPlan account) {
    return plan.grantManager() == GrantManager.CLOUDFORMATION ? List.of()
        : account.createGrantPolicies();
  }

  /** One account's folder as its layout fills it; each file's model has the account. */
  static final class Folder {
    final Plan plan;
    final AccountPlan account;
    private final String path;
    private final List<RenderJob> jobs = new ArrayList<>();

    private Folder(String path, Plan plan, AccountPlan account) {
      this.path = path;
      this.plan = plan;
      this.account = account;
    }

    /** A file of the folder from the template, with these named items in its model. */
    void add(String template, String file, Object... namedItems) {
      jobs.add(job(template, file, namedItems));
    }

    /** The same, written executable: a script to run. */
    void addScript(String template, String file, Object... namedItems) {
      jobs.add(job(template, file, namedItems).asExecutable());
    }

    boolean isEmpty() {
      return jobs.isEmpty();
    }

    private RenderJob job(String template, String file, Object... namedItems) {
      Object[] items = new Object[namedItems.length + 2];
      items[0] = "account";
      items[1] = account;
      System.arraycopy(namedItems, 0, items, 2, namedItems.length);
      return RenderJob.of(template, path + file, plan, items);
    }
  }
}
