package io.github.asgkms.aws;

import static io.github.asgkms.text.Printable.quote;

import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed IAM role ARN: {@code arn:<partition>:iam::<account>:role<path><name>}, with IAM's
 * own limits on the path (printable ASCII between slashes, 512 at most) and the name (1 to 64
 * of {@code A-Z a-z 0-9 + = , . @ _ -}).
 *
 * @param partition the partition
 * @param accountId the account
 * @param path the path, {@code /} or {@code /a/b/}
 * @param name the role name
 */
public record IamRoleArn(Partition partition, String accountId, String path, String name) {
  private static final Pattern SHAPE =
      Pattern.compile("arn:([^:]*):iam::([^:]*):role(/.*)", Pattern.DOTALL);
  private static final Pattern PATH = Pattern.compile("/|/[\\x21-\\x7E]{1,510}/");
  private static final Pattern NAME = Pattern.compile("[A-Za-z0-9+=,.@_-]{1,64}");
  /** IAM's path for service-linked roles, which IAM creates and the user never names. */
  public static final String SERVICE_LINKED_PATH = "/aws-service-role/";

  /** The ARN text, rebuilt from its parts. */
  public String arn() {
    return "arn:" + partition.id() + ":iam::" + accountId + ":role" + path + name;
  }

  public boolean isServiceLinked() {
    return path.startsWith(SERVICE_LINKED_PATH);
  }

  @Override
  public String toString() {
    return arn();
  }

  /** Parses {@code text}: the role ARN, or what is wrong with it, in words for the spec. */
  public static Parsed parse(String text) {
    Matcher m = SHAPE.matcher(text);
    if (!m.matches()) {
      return Parsed.invalid("not an IAM role ARN: expected arn:<partition>:iam::<account>:role/"
          + "<path/><name>");
    }
    Optional<Partition> partition = Partition.fromId(m.group(1));
    if (partition.isEmpty()) {
      return Parsed.invalid("unknown partition " + quote(m.group(1)) + "; expected one of "
          + Partition.ids());
    }
    String account = m.group(2);
    if (!AccountId.isValid(account)) {
      return Parsed.invalid(
          "malformed account ID " + quote(account) + " in the ARN: expected 12 digits");
    }
    String pathAndName = m.group(3);
    int last = pathAndName.lastIndexOf('/');
    String path = pathAndName.substring(0, last + 1);
    String name = pathAndName.substring(last + 1);
    if (!PATH.matcher(path).matches()) {
      return Parsed.invalid("malformed role path " + quote(path)
          + ": expected / or /<printable ASCII>/, at most 512 characters");
    }
    if (!NAME.matcher(name).matches()) {
      return Parsed.invalid("malformed role name " + quote(name)
          + ": expected 1 to 64 of A-Z a-z 0-9 + = , . @ _ -");
    }
    return new Parsed(Optional.of(new IamRoleArn(partition.get(), account, path, name)),
        Optional.empty());
  }

  /**
   * What {@link #parse} made of a text: the ARN, or the problem with it.
   *
   * @param arn the role ARN, when the text is one
   * @param problem what is wrong with the text, when it is not
   */
  public record Parsed(Optional<IamRoleArn> arn, Optional<String> problem) {
    static Parsed invalid(String problem) {
      return new Parsed(Optional.empty(), Optional.of(problem));
    }
  }
}
