package io.github.asgkms.aws;

import static io.github.asgkms.text.Printable.quote;

import java.util.Arrays;
import java.util.Optional;
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
  /**
   * The key ARNs {@link #parse} accepts, as one regular expression with each partition's
   * Regions, for the JSON Schema editors validate with.
   */
  public static final String SCHEMA_PATTERN = "arn:("
      + String.join("|", Arrays.stream(Partition.values())
          .map(p -> p.id() + ":kms:" + p.regionPattern()).toList())
      + "):" + AccountId.PATTERN + ":key/(" + KEY_ID.pattern() + ")";
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
   * Parses {@code text}: the key ARN, or what is wrong with the text, in words for the spec's
   * error report.
   */
  public static Parsed parse(String text) {
    if (!text.isEmpty() && !text.equals(text.strip())) {
      return Parsed.invalid("the ARN " + quote(text) + " has white space or a line"
          + " break at its start or end; remove it");
    }
    Matcher m = SHAPE.matcher(text);
    if (!m.matches()) {
      return Parsed.invalid(
          "not an ARN: expected arn:<partition>:kms:<region>:<account>:key/<key id>");
    }
    String partitionId = m.group(1);
    String service = m.group(2);
    String region = m.group(3);
    String account = m.group(4);
    String resource = m.group(5);
    if (!service.equals("kms")) {
      return Parsed.invalid(
          "not a KMS key ARN: the service is " + quote(service) + ", expected 'kms'");
    }
    Optional<Partition> named = Partition.fromId(partitionId);
    if (named.isEmpty()) {
      return Parsed.invalid("unknown partition " + quote(partitionId) + "; expected one of "
          + Partition.ids());
    }
    Partition partition = named.get();
    if (resource.startsWith("alias/")) {
      return Parsed.invalid(
          "an alias ARN is not accepted: name the key by its key ARN (arn:...:key/<key id>);"
              + " an alias can be moved to another key, and CreateGrant and IAM policies need"
              + " the key ARN");
    }
    if (!resource.startsWith("key/")) {
      return Parsed.invalid(
          "not a KMS key ARN: the resource is " + quote(resource) + ", expected key/<key id>");
    }
    String keyId = resource.substring("key/".length());
    if (!KEY_ID.matcher(keyId).matches()) {
      return Parsed.invalid(
          "malformed key ID " + quote(keyId) + ": expected a lowercase UUID"
              + " (1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d) or mrk- and 32 lowercase hex digits");
    }
    if (!AccountId.isValid(account)) {
      return Parsed.invalid(
          "malformed account ID " + quote(account) + " in the ARN: expected 12 digits");
    }
    if (!REGION_SHAPE.matcher(region).matches()) {
      return Parsed.invalid("malformed Region " + quote(region) + " in the ARN");
    }
    if (!partition.containsRegion(region)) {
      String where =
          Partition.ofRegion(region)
              .map(p -> "Region " + region + " is in partition " + p.id())
              .orElse("Region " + region + " is in no supported partition");
      return Parsed.invalid(where + ", but the ARN says partition " + partition.id());
    }
    return new Parsed(Optional.of(new KmsKeyArn(partition, region, account, keyId)),
        Optional.empty());
  }

  /**
   * What {@link #parse} made of a text: the ARN, or the problem with it. A user's mistake is a
   * value here, not an exception, so the spec reports it beside the others.
   *
   * @param arn the key ARN, when the text is one
   * @param problem what is wrong with the text, when it is not
   */
  public record Parsed(Optional<KmsKeyArn> arn, Optional<String> problem) {
    static Parsed invalid(String problem) {
      return new Parsed(Optional.empty(), Optional.of(problem));
    }

    /** The ARN of a text known to be one, such as an ARN the plan holds. */
    public KmsKeyArn orElseThrow() {
      return arn.orElseThrow(() -> new IllegalStateException(problem.orElseThrow()));
    }
  }
}
