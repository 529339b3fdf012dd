/**
 * Value types for the AWS facts the spec and the plan share: partitions and their Regions, KMS
 * key ARNs, account IDs and grant operations.
 */
package io.github.asgkms.aws;
