package io.github.asgkms.aws;

import java.util.List;
import java.util.Optional;
import java.util.Set;

/** KMS grant operations, and the two presets the spec names. */
public final class GrantOperations {

  /** Every operation CreateGrant accepts. */
  public static final Set<String> VALID =
      Set.of(
          "Decrypt",
          "Encrypt",
          "GenerateDataKey",
          "GenerateDataKeyWithoutPlaintext",
          "ReEncryptFrom",
          "ReEncryptTo",
          "Sign",
          "Verify",
          "GetPublicKey",
          "CreateGrant",
          "RetireGrant",
          "DescribeKey",
          "GenerateDataKeyPair",
          "GenerateDataKeyPairWithoutPlaintext",
          "GenerateMac",
          "VerifyMac",
          "DeriveSharedSecret");

  /** The Knowledge Center article's five operations, in the article's order. */
  public static final List<String> KNOWLEDGE_CENTER =
      List.of(
          "Decrypt",
          "GenerateDataKeyWithoutPlaintext",
          "ReEncryptFrom",
          "ReEncryptTo",
          "CreateGrant");

  /** The Auto Scaling User Guide's eight operations, in the guide's order. */
  public static final List<String> USER_GUIDE =
      List.of(
          "Encrypt",
          "Decrypt",
          "ReEncryptFrom",
          "ReEncryptTo",
          "GenerateDataKey",
          "GenerateDataKeyWithoutPlaintext",
          "DescribeKey",
          "CreateGrant");

  public static final String KNOWLEDGE_CENTER_PRESET = "knowledge-center";
  public static final String USER_GUIDE_PRESET = "user-guide";

  private GrantOperations() {}

  public static Optional<List<String>> preset(String name) {
    return switch (name) {
      case KNOWLEDGE_CENTER_PRESET -> Optional.of(KNOWLEDGE_CENTER);
      case USER_GUIDE_PRESET -> Optional.of(USER_GUIDE);
      default -> Optional.empty();
    };
  }
}
