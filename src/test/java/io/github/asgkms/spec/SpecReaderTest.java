package io.github.asgkms.spec;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.aws.GrantOperations;
import io.github.asgkms.aws.Partition;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** What a valid spec reads as. The errors are in {@link BadSpecTest}. */
class SpecReaderTest {
  static final String ARN =
      "arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d";
  static final String ARN_2 =
      "arn:aws:kms:us-west-2:444455556666:key/0f1e2d3c-4b5a-6978-8796-a5b4c3d2e1f0";

  /** A minimal valid spec with {@code account} written as is (quoted or not). */
  static String minimal(String account) {
    return "version: 1\n"
        + "autoScalingAccountId: " + account + "\n"
        + "keys:\n"
        + "  - name: ebs\n"
        + "    arn: " + ARN + "\n";
  }

  @TempDir Path dir;

  @Test
  void readsTheContractExampleWithEveryProperty() throws Exception {
    Spec spec = SpecReader.parse("""
        version: 1                              # required; only 1 exists
        partition: aws
        autoScalingAccountId: "111122223333"
        serviceLinkedRoleSuffix: web
        grantOperations: knowledge-center
        keys:
          - name: golden-ami
            arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
            grantName: asg-golden-ami
            grantOperations: [Decrypt, CreateGrant]
          - name: local
            arn: arn:aws:kms:us-east-1:111122223333:key/mrk-1234abcd12ab34cd56ef1234567890ab
        grantCreator:
          roleName: deployer
        """, "spec.yaml");

    assertThat(spec.partition()).isEqualTo(Partition.AWS);
    assertThat(spec.autoScalingAccountId()).isEqualTo("111122223333");
    assertThat(spec.serviceLinkedRoleSuffix()).contains("web");
    assertThat(spec.grantOperations()).isEqualTo(GrantOperations.KNOWLEDGE_CENTER);
    assertThat(spec.grantCreatorRoleName()).contains("deployer");
    assertThat(spec.keys()).hasSize(2);

    KeySpec remote = spec.keys().get(0);
    assertThat(remote.name()).isEqualTo("golden-ami");
    assertThat(remote.arn().arn()).isEqualTo(ARN);
    assertThat(remote.arn().region()).isEqualTo("us-west-2");
    assertThat(remote.arn().accountId()).isEqualTo("444455556666");
    assertThat(remote.arn().isMultiRegion()).isFalse();
    assertThat(remote.grantName()).contains("asg-golden-ami");
    assertThat(remote.grantOperations()).contains(List.of("Decrypt", "CreateGrant"));

    KeySpec local = spec.keys().get(1);
    assertThat(local.name()).isEqualTo("local");
    assertThat(local.arn().isMultiRegion()).isTrue();
    assertThat(local.grantName()).isEmpty();
    assertThat(local.grantOperations()).isEmpty();
  }

  @Test
  void defaultsPartitionToTheKeysAndOperationsToTheKnowledgeCenterPreset() throws Exception {
    Spec spec = SpecReader.parse(minimal("\"111122223333\""), "spec.yaml");

    assertThat(spec.partition()).isEqualTo(Partition.AWS);
    assertThat(spec.grantOperations()).isEqualTo(GrantOperations.KNOWLEDGE_CENTER);
    assertThat(spec.serviceLinkedRoleSuffix()).isEmpty();
    assertThat(spec.grantCreatorRoleName()).isEmpty();
    assertThat(spec.keys()).extracting(KeySpec::name).containsExactly("ebs");
  }

  @Test
  void takesThePartitionFromChinaAndGovCloudArns() throws Exception {
    Spec china = SpecReader.parse("""
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: beijing
            arn: arn:aws-cn:kms:cn-north-1:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        """, "spec.yaml");
    Spec gov = SpecReader.parse("""
        version: 1
        partition: aws-us-gov
        autoScalingAccountId: "111122223333"
        keys:
          - name: gov-west
            arn: arn:aws-us-gov:kms:us-gov-west-1:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        """, "spec.yaml");

    assertThat(china.partition()).isEqualTo(Partition.AWS_CN);
    assertThat(gov.partition()).isEqualTo(Partition.AWS_US_GOV);
  }

  @Test
  void readsTheUserGuidePresetAndAnOperationList() throws Exception {
    Spec preset = SpecReader.parse(
        minimal("\"111122223333\"").replace("keys:", "grantOperations: user-guide\nkeys:"),
        "spec.yaml");
    Spec list = SpecReader.parse(
        minimal("\"111122223333\"").replace("keys:", "grantOperations: [Decrypt, Encrypt]\nkeys:"),
        "spec.yaml");

    assertThat(preset.grantOperations()).isEqualTo(GrantOperations.USER_GUIDE);
    assertThat(list.grantOperations()).containsExactly("Decrypt", "Encrypt");
  }

  @Test
  void keepsTheLeadingZeroOfAnUnquotedAccountId() throws Exception {
    assertThat(SpecReader.parse(minimal("012345678901"), "spec.yaml").autoScalingAccountId())
        .isEqualTo("012345678901");
    // Only octal digits: YAML 1.1 could read it as an octal number; it stays as written.
    assertThat(SpecReader.parse(minimal("011122223333"), "spec.yaml").autoScalingAccountId())
        .isEqualTo("011122223333");
    assertThat(SpecReader.parse(minimal("111122223333"), "spec.yaml").autoScalingAccountId())
        .isEqualTo("111122223333");
    assertThat(SpecReader.parse(minimal("'012345678901'"), "spec.yaml").autoScalingAccountId())
        .isEqualTo("012345678901");
  }

  @Test
  void keepsYesNoOnAndOffAsStrings() throws Exception {
    Spec spec = SpecReader.parse("""
        version: 1
        autoScalingAccountId: "111122223333"
        serviceLinkedRoleSuffix: on
        keys:
          - name: no
            arn: arn:aws:kms:us-west-2:444455556666:key/10000000-0000-0000-0000-000000000000
          - name: yes
            arn: arn:aws:kms:us-west-2:444455556666:key/20000000-0000-0000-0000-000000000000
          - name: on
            arn: arn:aws:kms:us-west-2:444455556666:key/30000000-0000-0000-0000-000000000000
          - name: off
            arn: arn:aws:kms:us-west-2:444455556666:key/40000000-0000-0000-0000-000000000000
        grantCreator:
          roleName: y
        """, "spec.yaml");

    assertThat(spec.keys()).extracting(KeySpec::name).containsExactly("no", "yes", "on", "off");
    assertThat(spec.serviceLinkedRoleSuffix()).contains("on");
    assertThat(spec.grantCreatorRoleName()).contains("y");
  }

  @Test
  void acceptsAByteOrderMark() throws Exception {
    Path file = dir.resolve("spec.yaml");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Files.write(file, concat(bom, minimal("\"111122223333\"").getBytes(StandardCharsets.UTF_8)));

    assertThat(SpecReader.read(file, "spec.yaml").keys()).extracting(KeySpec::name)
        .containsExactly("ebs");
    assertThat(SpecReader.parse("\uFEFF" + minimal("\"111122223333\""), "spec.yaml").keys())
        .hasSize(1);
  }

  @Test
  void acceptsCrlfLineEnds() throws Exception {
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, minimal("\"111122223333\"").replace("\n", "\r\n"));

    Spec spec = SpecReader.read(file, "spec.yaml");

    assertThat(spec.autoScalingAccountId()).isEqualTo("111122223333");
    assertThat(spec.keys()).extracting(k -> k.arn().arn()).containsExactly(ARN);
  }

  @Test
  void acceptsABomAndCrlfTogether() throws Exception {
    Path file = dir.resolve("spec.yaml");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    Files.write(file, concat(bom,
        minimal("\"111122223333\"").replace("\n", "\r\n").getBytes(StandardCharsets.UTF_8)));

    assertThat(SpecReader.read(file, "spec.yaml").keys()).hasSize(1);
  }

  @Test
  void acceptsASpecOfExactlyOneMebibyte() throws Exception {
    Path file = dir.resolve("spec.yaml");
    String spec = minimal("\"111122223333\"");
    StringBuilder text = new StringBuilder(spec);
    while (text.length() < SpecReader.MAX_BYTES) {
      text.append("# padding\n");
    }
    text.setLength(SpecReader.MAX_BYTES - 1);
    text.append('\n');
    Files.writeString(file, text);
    assertThat(Files.size(file)).isEqualTo(SpecReader.MAX_BYTES);

    assertThat(SpecReader.read(file, "spec.yaml").keys()).hasSize(1);
  }

  @Test
  void acceptsCommentsDocumentMarkersAndFlowStyle() throws Exception {
    Spec spec = SpecReader.parse("""
        # a comment
        ---
        {version: 1, autoScalingAccountId: '111122223333',
         keys: [{name: ebs, arn: "%s"}]}
        ...
        """.formatted(ARN), "spec.yaml");

    assertThat(spec.keys()).extracting(KeySpec::name).containsExactly("ebs");
  }

  static Stream<String> goldenSpecs() throws IOException {
    try (Stream<Path> dirs = Files.list(Path.of("src/test/resources/golden"))) {
      return dirs.filter(d -> Files.isRegularFile(d.resolve("spec.yaml")))
          .map(d -> d.getFileName().toString()).sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("goldenSpecs")
  void readsEveryGoldenSpec(String name) throws Exception {
    Spec spec = SpecReader.read(
        Path.of("src/test/resources/golden", name, "spec.yaml"), "spec.yaml");

    assertThat(spec.keys()).isNotEmpty();
    assertThat(spec.autoScalingAccountId()).matches("[0-9]{12}");
  }

  private static byte[] concat(byte[] a, byte[] b) {
    byte[] out = new byte[a.length + b.length];
    System.arraycopy(a, 0, out, 0, a.length);
    System.arraycopy(b, 0, out, a.length, b.length);
    return out;
  }
}
