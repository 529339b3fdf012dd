package io.github.asgkms.access;

import io.github.asgkms.aws.GrantOperations;
import java.util.List;

/**
 * The KMS operations on a key that the probes try (KMS Developer Guide, "AWS KMS permissions"
 * reference): every one whose resource is a KMS key. RetireGrant is not among them: it needs
 * a grant, and the sequences call it.
 */
public final class KmsActions {
  public static final List<String> ON_A_KEY = List.of(
      "CancelKeyDeletion", "CreateAlias", "CreateGrant", "Decrypt", "DeleteAlias",
      "DeleteImportedKeyMaterial", "DeriveSharedSecret", "DescribeKey", "DisableKey",
      "DisableKeyRotation", "EnableKey", "EnableKeyRotation", "Encrypt", "GenerateDataKey",
      "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext",
      "GenerateDataKeyWithoutPlaintext", "GenerateMac", "GetKeyPolicy", "GetKeyRotationStatus",
      "GetParametersForImport", "GetPublicKey", "ImportKeyMaterial", "ListGrants",
      "ListKeyPolicies", "ListKeyRotations", "ListResourceTags", "PutKeyPolicy", "ReEncryptFrom",
      "ReEncryptTo", "ReplicateKey", "RevokeGrant", "RotateKeyOnDemand", "ScheduleKeyDeletion",
      "Sign", "TagResource", "UntagResource", "UpdateAlias", "UpdateKeyDescription",
      "UpdatePrimaryRegion", "Verify", "VerifyMac");

  private KmsActions() {}

  /** Whether a grant can allow the operation (KMS Developer Guide, "Grant operations"). */
  public static boolean isGrantOperation(String operation) {
    return GrantOperations.VALID.contains(operation);
  }
}
