package io.github.asgkms.spec;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

/** {@code keys[].replicaRegions}: the Regions of a multi-Region key's replicas. */
class ReplicaRegionsSpecTest {
  private static final String MRK =
      "arn:aws:kms:us-east-1:444455556666:key/mrk-1234abcd12ab34cd56ef1234567890ab";

  @Test
  void isEmptyWhenAbsent() throws Exception {
    Spec spec = SpecReader.parse(SpecReaderTest.minimal("\"111122223333\""), "spec.yaml");
    assertThat(spec.keys().get(0).replicaRegions()).isEmpty();
  }

  @Test
  void readsTheRegionsInSpecOrder() throws Exception {
    Spec spec = SpecReader.parse("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: ebs
            arn: %s
            replicaRegions:
              - eu-west-1
              - ap-southeast-2
          - name: ami
            arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        """.formatted(MRK), "spec.yaml");

    KeySpec ebs = spec.keys().get(0);
    assertThat(ebs.replicaRegions()).containsExactly("eu-west-1", "ap-southeast-2");
    assertThat(ebs.replicaRegions()).extracting(region -> KeyNames.replica(ebs.name(), region))
        .containsExactly("ebs-eu-west-1", "ebs-ap-southeast-2");
    assertThat(spec.keys().get(1).replicaRegions()).isEmpty();
  }

  @Test
  void readsRegionsOfTheKeysOwnPartition() throws Exception {
    Spec spec = SpecReader.parse("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: ebs
            arn: %s
            replicaRegions: [us-gov-east-1]
        """.formatted(MRK.replace("arn:aws:kms:us-east-1", "arn:aws-us-gov:kms:us-gov-west-1")),
        "spec.yaml");

    assertThat(spec.keys().get(0).replicaRegions()).containsExactly("us-gov-east-1");
  }
}
