package io.github.asgkms.aws;

import java.util.Optional;

/**
 * The one tool that creates, reads and deletes the cross-account grants. Each calls KMS its
 * own way, so the permissions it needs, and the grant artifact generated, depend on it.
 */
public enum GrantManager {
  /** {@code aws_kms_grant}: CreateGrant, then ListGrants on every read, RetireGrant on destroy. */
  TERRAFORM("terraform"),
  /** The stack's Custom::KmsGrant function: CreateGrant, and RetireGrant as retiring principal. */
  CLOUDFORMATION("cloudformation"),
  /** {@code create-grants.sh}: CreateGrant only. */
  CLI("cli");

  private final String id;

  GrantManager(String id) {
    this.id = id;
  }

  /** The manager as the spec writes it, in lower case. */
  public String id() {
    return id;
  }

  public static Optional<GrantManager> fromId(String id) {
    for (GrantManager manager : values()) {
      if (manager.id.equals(id)) {
        return Optional.of(manager);
      }
    }
    return Optional.empty();
  }

  public static String ids() {
    return "terraform, cloudformation, cli";
  }

  @Override
  public String toString() {
    return id;
  }
}
