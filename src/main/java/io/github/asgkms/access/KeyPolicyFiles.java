package io.github.asgkms.access;

import io.github.asgkms.plan.AccountPlan;
import io.github.asgkms.plan.KeyPlan;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.OutputPaths;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * Each key's policy file in an account folder of a format, at the path {@link OutputPaths}
 * gives the layouts. A key whose file is not there is an error: its policy would otherwise be
 * read as empty.
 */
final class KeyPolicyFiles {
  /** The largest text whose leading comment lines are set aside; see {@link #YAML}. */
  private static final int MAX_YAML_SHARED = 1 << 20;

  /**
   * A JSON or YAML parser, and the part of a text that alone decides what it parses to: texts
   * with the same part give the same statements, so each part is parsed once.
   */
  interface Parser {
    DocNode parse(String file, String text) throws DocumentException;

    /** The part of the text that decides its statements; by default the whole text. */
    default String significant(String text) {
      return text;
    }
  }

  /** JSON has no comments: only the same text gives the same statements. */
  static final Parser JSON = TreeReader::json;

  /**
   * YAML, without the comment lines the file opens with, which name the key and so differ
   * from key to key. A line at the start of a YAML stream that begins with {@code #} is a
   * comment; those set aside hold printable ASCII and tabs alone, so no other line break
   * (YAML 1.1 also breaks lines at CR, NEL, LS and PS) and no character the reader refuses
   * hides in them; and the whole text stays far below the reader's limit of 3 MiB of code
   * points. Such a text therefore reads without error exactly when its rest does, to the same
   * tree but for line numbers, which statements do not hold.
   */
  static final Parser YAML = new Parser() {
    @Override
    public DocNode parse(String file, String text) throws DocumentException {
      return TreeReader.yaml(file, text);
    }

    @Override
    public String significant(String text) {
      if (text.length() > MAX_YAML_SHARED) {
        return text;
      }
      int start = 0;
      while (start < text.length() && text.charAt(start) == '#') {
        int end = start + 1;
        while (end < text.length() && isCommentChar(text.charAt(end))) {
          end++;
        }
        if (end >= text.length() || text.charAt(end) != '\n') {
          break;
        }
        start = end + 1;
      }
      return text.substring(start);
    }
  };

  private KeyPolicyFiles() {}

  private static boolean isCommentChar(char c) {
    return c >= ' ' && c <= '~' || c == '\t';
  }

  static String path(Format format, AccountPlan account, KeyPlan key) {
    return OutputPaths.folder(format, account.accountId())
        + OutputPaths.keyPolicyFile(format, key);
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

  /**
   * Reads the policy of each key of the account, written as an IAM JSON policy or snippet.
   * Keys of an account mostly have the same policy but for comments: each different one is
   * parsed once, and its statements shared, which nothing changes.
   */
  static void read(Map<String, String> files, AccountPlan account, Format format,
      Parser parser, RenderedDocuments into) throws DocumentException {
    Map<String, List<Statement>> parsed = new HashMap<>();
    for (KeyPlan key : account.keys()) {
      String file = path(format, account, key);
      String text = text(files, file, key);
      String significant = parser.significant(text);
      List<Statement> statements = parsed.get(significant);
      if (statements == null) {
        statements = PolicyReader.read(parser.parse(file, text), file, null,
            ScalarValues.LITERAL).statements();
        parsed.put(significant, statements);
      }
      into.keyPolicies.put(key.arn(), new PolicyDocument(file, null, statements));
    }
  }
}
