package io.github.asgkms.access;

import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.KeyPlan;
import java.util.Map;

/**
 * Each key's policy file in an account folder of a format: {@code key-policy-<name>.<ext>},
 * where the layouts write it. A key whose file is not there is an error: its policy would
 * otherwise be read as empty.
 */
final class KeyPolicyFiles {
  /** A JSON or YAML parser. */
  interface Parser {
    DocNode parse(String file, String text) throws DocumentException;
  }

  private KeyPolicyFiles() {}

  static String path(String folder, KeyPlan key, String extension) {
    return folder + "key-policy-" + key.name() + "." + extension;
  }

  /** The file's text, or an error naming the key. */
  static String text(Map<String, String> files, String path, KeyPlan key)
      throws DocumentException {
    String text = files.get(path);
    if (text == null) {
      throw new DocumentException(path, "missing: the key policy of " + key.name());
    }
    return text;
  }

  /** Reads the policy of each key of the account, written as an IAM JSON policy or snippet. */
  static void read(Map<String, String> files, AccountPlan account, String folder,
      String extension, Parser parser, RenderedDocuments into) throws DocumentException {
    for (KeyPlan key : account.keys()) {
      String file = path(folder, key, extension);
      into.keyPolicies.put(key.arn(), PolicyReader.read(parser.parse(file,
          text(files, file, key)), file, null, ScalarValues.LITERAL));
    }
  }
}
