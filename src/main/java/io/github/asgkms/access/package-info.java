/**
 * The access model: reads the rendered output back (policy JSON, CloudFormation YAML,
 * Terraform HCL, the CLI script), evaluates KMS requests against it as AWS does, and replays
 * each consumer's real call sequence through it, so that output which no longer allows a
 * required call, or allows a call to a principal the spec never named, is caught before it is
 * applied. Pure: no I/O but the class-path resources that hold the sequences.
 */
package io.github.asgkms.access;
