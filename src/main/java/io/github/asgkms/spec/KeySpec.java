package io.github.asgkms.spec;

import io.github.asgkms.aws.KmsKeyArn;
import java.util.List;
import java.util.Optional;

/**
 * One key of the spec.
 *
 * @param name the key's unique name, which names resources and files
 * @param arn the key ARN
 * @param grantName the grant's name, for a key in another account
 * @param grantOperations the grant's own operations, for a key in another account
 */
public record KeySpec(
    String name, KmsKeyArn arn, Optional<String> grantName, Optional<List<String>> grantOperations) {}
