package io.github.asgkms.aws;

import java.util.Optional;
import java.util.regex.Pattern;

/** The AWS partitions a spec may target, each with the shape of its Region names. */
public enum Partition {
  AWS("aws", Pattern.compile("(?!cn-|us-gov-)[a-z]{2}-[a-z]+-[1-9][0-9]?"), "amazonaws.com"),
  AWS_CN("aws-cn", Pattern.compile("cn-[a-z]+-[1-9][0-9]?"), "amazonaws.com.cn"),
  AWS_US_GOV("aws-us-gov", Pattern.compile("us-gov-[a-z]+-[1-9][0-9]?"), "amazonaws.com");

  private final String id;
  private final Pattern regionPattern;
  private final String dnsSuffix;

  Partition(String id, Pattern regionPattern, String dnsSuffix) {
    this.id = id;
    this.regionPattern = regionPattern;
    this.dnsSuffix = dnsSuffix;
  }

  /**
   * The domain of the partition's service endpoints: {@code amazonaws.com}, and
   * {@code amazonaws.com.cn} in China ("Endpoints and ARNs for Amazon Web Services in China").
   */
  public String dnsSuffix() {
    return dnsSuffix;
  }

  /**
   * EC2's endpoint in {@code region}, as {@code kms:ViaService} names a request EC2 sends on a
   * caller's behalf (KMS Developer Guide, "kms:ViaService").
   */
  public String ec2Service(String region) {
    return "ec2." + region + "." + dnsSuffix;
  }

  /** The partition as written in ARNs: {@code aws}, {@code aws-cn} or {@code aws-us-gov}. */
  public String id() {
    return id;
  }

  /** The partition's Region names, as a regular expression. */
  public String regionPattern() {
    return regionPattern.pattern();
  }

  public boolean containsRegion(String region) {
    return regionPattern.matcher(region).matches();
  }

  public static Optional<Partition> fromId(String id) {
    for (Partition partition : values()) {
      if (partition.id.equals(id)) {
        return Optional.of(partition);
      }
    }
    return Optional.empty();
  }

  /** The partition whose Region names include {@code region}, if any. */
  public static Optional<Partition> ofRegion(String region) {
    for (Partition partition : values()) {
      if (partition.containsRegion(region)) {
        return Optional.of(partition);
      }
    }
    return Optional.empty();
  }

  public static String ids() {
    return "aws, aws-cn, aws-us-gov";
  }

  @Override
  public String toString() {
    return id;
  }
}
