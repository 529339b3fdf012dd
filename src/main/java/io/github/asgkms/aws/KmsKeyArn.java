package io.github.asgkms.aws;

import static io.github.asgkms.text.Printable.quote;

import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A parsed KMS key ARN. A key in another account must be named by its key ARN in CreateGrant
 * and in IAM policies, never by key ID or alias, so the spec accepts nothing else.
 */
public record KmsKeyArn(Partition partition, String region, String accountId, String keyId) {

  private static final Pattern SHAPE =
      Pattern.compile("arn:([^:]*):([^:]*):([^:]*):([^:]*):(.*)", Pattern.DOTALL);
  private static final Pattern KEY_ID =
      Pattern.compile(
          "[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}|mrk-[0-9a-f]{32}");
  private static final Pattern REGION_SHAPE = Pattern.compile("[a-z]{2}(-[a-z]+)+-[0-9]{1,2}");

  /** The ARN text, rebuilt from its parts so it is canonical. */
  public String arn() {
    return "arn:" + partition.id() + ":kms:" + region + ":" + accountId + ":key/" + keyId;
  }

  public boolean isMultiRegion() {
    return keyId.startsWith("mrk-");
  }

  @Override
  public String toString() {
    return arn();
  }

  /**
   * Parses {@code text}, or throws with a message that says what is wrong with it, for the
   * spec's error report.
   */
  public static KmsKeyArn parse(String text) {
    if (!text.isEmpty() && !text.equals(text.strip())) {
      throw new IllegalArgumentException("the ARN " + quote(text) + " has white space or a line"
          + " break at its start or end; remove it");
    }
    Matcher m = SHAPE.matcher(text);
    if (!m.matches()) {
      throw new IllegalArgumentException(
          "not an ARN: expected arn:<partition>:kms:<region>:<account>:key/<key id>");
    }
    String partitionId = m.group(1);
    String service = m.group(2);
    String region = m.group(3);
    String account = m.group(4);
    String resource = m.group(5);
    if (!service.equals("kms")) {
      throw new IllegalArgumentException(
          "not a KMS key ARN: the service is " + quote(service) + ", expected 'kms'");
    }
    Partition partition =
        Partition.fromId(partitionId)
            .orElseThrow(
                () ->
                    new IllegalArgumentException(
                        "unknown partition " + quote(partitionId) + "; expected one of "
                            + Partition.ids()));
    if (resource.startsWith("alias/")) {
      throw new IllegalArgumentException(
          "an alias ARN is not accepted: name the key by its key ARN (arn:...:key/<key id>);"
              + " an alias can be moved to another key, and CreateGrant and IAM policies need"
              + " the key ARN");
    }
    if (!resource.startsWith("key/")) {
      throw new IllegalArgumentException(
          "not a KMS key ARN: the resource is " + quote(resource) + ", expected key/<key id>");
    }
    String keyId = resource.substring("key/".length());
    if (!KEY_ID.matcher(keyId).matches()) {
      throw new IllegalArgumentException(
          "malformed key ID " + quote(keyId) + ": expected a lowercase UUID"
              + " (1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d) or mrk- and 32 lowercase hex digits");
    }
    if (!AccountId.isValid(account)) {
      throw new IllegalArgumentException(
          "malformed account ID " + quote(account) + " in the ARN: expected 12 digits");
    }
    if (!REGION_SHAPE.matcher(region).matches()) {
      throw new IllegalArgumentException("malformed Region " + quote(region) + " in the ARN");
    }
    if (!partition.containsRegion(region)) {
      String where =
          Partition.ofRegion(region)
              .map(p -> "Region " + region + " is in partition " + p.id())
              .orElse("Region " + region + " is in no supported partition");
      throw new IllegalArgumentException(
          where + ", but the ARN says partition " + partition.id());
    }
    return new KmsKeyArn(partition, region, account, keyId);
  }
}
