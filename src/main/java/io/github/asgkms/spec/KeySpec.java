package io.github.asgkms.spec;

import static io.github.asgkms.spec.Field.optional;
import static io.github.asgkms.spec.Field.required;

import io.github.asgkms.aws.KmsKeyArn;
import java.util.List;
import java.util.Optional;
import java.util.regex.Pattern;

/** One key of the spec; its properties are declared here, as {@link Spec} declares its own. */
public final class KeySpec {
  static final Field<String> NAME = required("name",
      Types.matching(Pattern.compile("[a-z0-9][a-z0-9-]{0,62}"),
          "a key name: 1 to 63 of a-z 0-9 and -, starting with a letter or digit"),
      "A unique name for the key; it names resources and files.",
      "Unique. 1 to 63 of `a-z 0-9 -`, starting with a letter or a digit. It names the"
          + " resources and the files.");

  static final Field<KmsKeyArn> ARN = required("arn", Types.KEY_ARN,
      "The key ARN. The key ID is a lowercase UUID, or mrk- and 32 lowercase hex digits.",
      "A KMS **key ARN**, `arn:<partition>:kms:<region>:<account>:key/<key id>`. The key ID is"
          + " a lowercase UUID, or `mrk-` and 32 lowercase hex digits for a multi-Region key."
          + " Alias ARNs and bare key IDs are refused, because CreateGrant needs the key ARN for"
          + " a key in another account. The Region must belong to the partition: `cn-*` to"
          + " `aws-cn`, `us-gov-*` to `aws-us-gov`, and the rest to `aws`. Each key may be"
          + " listed only once.");

  /** KMS CreateGrant's Name constraint. */
  static final Field<String> GRANT_NAME = optional("grantName",
      Types.matching(Pattern.compile("[A-Za-z0-9:/_-]{1,256}"),
          "a grant name: 1 to 256 of A-Z a-z 0-9 : / _ -"),
      "The grant's name (default asg-<name>). Keys in another account only.",
      "The grant's name. The default is `asg-<name>`. 1 to 256 of `A-Z a-z 0-9 : / _ -`."
          + " Allowed only on a key in another account.");

  static final Field<List<String>> GRANT_OPERATIONS = optional("grantOperations",
      Types.GRANT_OPERATIONS,
      "This grant's operations. Keys in another account only.",
      "This grant's operations. It takes the same values as the top-level `grantOperations`,"
          + " which it overrides. Allowed only on a key in another account.");

  static final Field<List<String>> REPLICA_REGIONS = optional("replicaRegions",
      Types.nonEmptyList(Types.REGION, "Regions", "list at least one Region, or leave"
          + " replicaRegions out"),
      "The Regions of this multi-Region key's replicas; each gets its own statements and grant.",
      "The Regions of this multi-Region key's replicas, for an `mrk-` key only: each in the"
          + " key's partition, listed once, and not the primary key's Region. Each replica is a"
          + " key of its own, `arn:...:kms:<region>:...:key/<same key id>`, named"
          + " `<name>-<region>`: it gets its own key-policy output and, in another account, its"
          + " own grant, created in its Region; the IAM policies list every replica's ARN.");

  static final FieldSet FIELDS =
      new FieldSet(NAME, ARN, GRANT_NAME, GRANT_OPERATIONS, REPLICA_REGIONS);

  private final Values values;

  KeySpec(Values values) {
    this.values = values;
  }

  /** The key's unique name, which names resources and files. */
  public String name() {
    return values.get(NAME);
  }

  public KmsKeyArn arn() {
    return values.get(ARN);
  }

  /** The grant's name, for a key in another account. */
  public Optional<String> grantName() {
    return values.find(GRANT_NAME);
  }

  /** The grant's own operations, for a key in another account. */
  public Optional<List<String>> grantOperations() {
    return values.find(GRANT_OPERATIONS);
  }

  /** The Regions of the key's replicas, in spec order; empty when it has none. */
  public List<String> replicaRegions() {
    return values.find(REPLICA_REGIONS).orElse(List.of());
  }

  Values values() {
    return values;
  }
}
