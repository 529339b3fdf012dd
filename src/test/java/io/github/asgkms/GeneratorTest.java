package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.github.asgkms.output.Difference;
import io.github.asgkms.output.Manifest;
import io.github.asgkms.output.OutputConflictException;
import io.github.asgkms.output.WriteOptions;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.RenderException;
import io.github.asgkms.spec.SpecException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The generate and check workflow an infra repo relies on, in process. */
class GeneratorTest {
  private static final String TWO_KEYS = """
      version: 1
      autoScalingAccountId: "111122223333"
      keys:
        - name: local
          arn: arn:aws:kms:us-west-2:111122223333:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        - name: remote
          arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
      """;

  @TempDir Path temp;
  Path spec;
  Path out;
  Path stamp;

  @BeforeEach
  void writeSpec() throws Exception {
    spec = Files.writeString(temp.resolve("asg-kms.yaml"), TWO_KEYS);
    out = temp.resolve("out");
    stamp = temp.resolve("build/asg-kms/default.stamp");
  }

  private GenerateRequest request() {
    return new GenerateRequest(spec, "asg-kms.yaml", out, EnumSet.of(Format.TERRAFORM,
        Format.JSON), null, stamp, "1.0.0-test");
  }

  @Test
  void checkPassesOnFreshOutputAndNamesEveryKindOfDifference() throws Exception {
    Generator.generate(request());
    assertThat(Generator.check(request()).differences()).isEmpty();

    Path grant = out.resolve("terraform/account-111122223333/grant-remote.tf");
    Files.writeString(grant, Files.readString(grant).replace("CreateGrant", "Encrypt"));
    Files.delete(out.resolve("json/account-111122223333/create-grant-policy.json"));
    Path mine = Files.writeString(out.resolve("terraform/account-111122223333/mine.tf"), "# x\n");

    List<Difference> differences = Generator.check(request()).differences();

    assertThat(differences).extracting(Difference::path, Difference::kind).containsExactly(
        org.assertj.core.groups.Tuple.tuple("json/account-111122223333/create-grant-policy.json",
            Difference.Kind.MISSING),
        org.assertj.core.groups.Tuple.tuple("terraform/account-111122223333/grant-remote.tf",
            Difference.Kind.EDITED));
    assertThat(differences.get(1).diff()).contains(
        "--- terraform/account-111122223333/grant-remote.tf (on disk)",
        "-  operations         = [\"Decrypt\", \"GenerateDataKeyWithoutPlaintext\","
            + " \"ReEncryptFrom\", \"ReEncryptTo\", \"Encrypt\"]",
        "+  operations         = [\"Decrypt\", \"GenerateDataKeyWithoutPlaintext\","
            + " \"ReEncryptFrom\", \"ReEncryptTo\", \"CreateGrant\"]");
    assertThat(mine).hasContent("# x");
  }

  /** check shows what generate shows: a spec's warning does not depend on the goal. */
  @Test
  void checkWarnsAsGenerateDoes() throws Exception {
    Files.writeString(spec, TWO_KEYS + "grantManager: cloudformation\n"
        + "grantCreator:\n  roleName: deployer\n");

    List<String> generated = Generator.generate(request()).warnings();

    assertThat(generated).hasSize(2).anyMatch(w -> w.startsWith("grantCreator.roleName"))
        .anyMatch(w -> w.startsWith("grantManager is cloudformation"));
    assertThat(Generator.check(request()).warnings()).isEqualTo(generated);
  }

  @Test
  void warnsWhenTheGrantManagersFormatIsNotGenerated() throws Exception {
    Files.writeString(spec, TWO_KEYS + "grantManager: cloudformation\n");

    Generator.GenerateResult result = Generator.generate(request());

    assertThat(result.warnings()).containsExactly("grantManager is cloudformation but the"
        + " cloudformation format is not generated: nothing here creates the grants for keys in"
        + " other accounts");
    assertThat(Generator.render(new GenerateRequest(spec, "asg-kms.yaml", out,
        EnumSet.allOf(Format.class), null)).warnings()).isEmpty();
    Files.writeString(spec, TWO_KEYS + "grantManager: cli\n");
    assertThat(Generator.render(new GenerateRequest(spec, "asg-kms.yaml", out,
        EnumSet.of(Format.TERRAFORM, Format.CLOUDFORMATION), null)).warnings())
        .containsExactly("grantManager is cli but the json format is not generated: nothing"
            + " here creates the grants for keys in other accounts");
  }

  @Test
  void checkWritesNothing() throws Exception {
    Generator.generate(request());
    Files.writeString(spec, TWO_KEYS.replace("444455556666", "777788889999"));
    Map<String, String> before = TestFiles.readTree(out);

    assertThat(Generator.check(request()).differences()).isNotEmpty();

    assertThat(TestFiles.readTree(out)).isEqualTo(before);
  }

  @Test
  void droppingAKeyPrunesItsFilesAndKeepsTheUsersOwn() throws Exception {
    Generator.generate(request());
    Path mine = Files.writeString(out.resolve("terraform/account-444455556666/mine.tf"), "#\n");
    Files.writeString(spec, TWO_KEYS.substring(0, TWO_KEYS.indexOf("  - name: remote")));

    Generator.GenerateResult result = Generator.generate(request());

    assertThat(result.sync().deleted()).containsExactly(
        "json/account-111122223333/create-grant-policy.json",
        "json/account-444455556666/ACCESS.md",
        "json/account-444455556666/key-policy-remote.json",
        "terraform/account-111122223333/create-grant-policy.tf",
        "terraform/account-111122223333/grant-remote.tf",
        "terraform/account-444455556666/ACCESS.md",
        "terraform/account-444455556666/key-policy-remote.tf",
        "terraform/account-444455556666/versions.tf");
    assertThat(mine).exists();
    assertThat(out.resolve("json/account-444455556666")).doesNotExist();
    assertThat(Manifest.read(out).hashesByPath()).doesNotContainKey(
        "terraform/account-111122223333/grant-remote.tf");
    assertThat(Generator.check(request()).differences()).isEmpty();
  }

  @Test
  void anUnchangedBuildDoesNoWorkAndTouchesNothing() throws Exception {
    Generator.generate(request());
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    try (var files = Files.walk(out)) {
      for (Path file : files.filter(Files::isRegularFile).toList()) {
        Files.setLastModifiedTime(file, old);
      }
    }
    Map<String, String> before = TestFiles.readTree(out);

    Generator.GenerateResult second = Generator.generate(request());

    assertThat(second.upToDate()).isTrue();
    assertThat(TestFiles.readTree(out)).isEqualTo(before);
    try (var files = Files.walk(out)) {
      assertThat(files.filter(Files::isRegularFile).toList())
          .allSatisfy(file -> assertThat(Files.getLastModifiedTime(file)).isEqualTo(old));
    }
  }

  @Test
  void aHandEditIsRefusedUntilForcedAndAChangedInputMeansWorkAgain() throws Exception {
    Generator.generate(request());
    Path grant = out.resolve("terraform/account-111122223333/grant-remote.tf");
    String original = Files.readString(grant);
    Files.writeString(grant, original + "# edited\n");

    assertThatThrownBy(() -> Generator.generate(request()))
        .isInstanceOf(OutputConflictException.class)
        .hasMessageContaining("terraform/account-111122223333/grant-remote.tf: edited by hand"
            + " since the plugin wrote it");
    assertThat(grant).hasContent(original + "# edited");

    Generator.GenerateResult repaired =
        Generator.generate(request(), WriteOptions.defaults().withForce(true));

    assertThat(repaired.upToDate()).isFalse();
    assertThat(repaired.sync().written()).containsExactly(
        "terraform/account-111122223333/grant-remote.tf");
    assertThat(grant).hasContent(original.stripTrailing());

    GenerateRequest otherVersion = new GenerateRequest(spec, "asg-kms.yaml", out,
        EnumSet.of(Format.TERRAFORM, Format.JSON), null, stamp, "1.0.1");
    Generator.GenerateResult afterUpgrade = Generator.generate(otherVersion);
    assertThat(afterUpgrade.upToDate()).isFalse();
    assertThat(afterUpgrade.sync().written()).isEmpty();
  }

  @Test
  void theHeadersGiveTheRequestsCommandAndCheckComparesAgainstIt() throws Exception {
    GenerateRequest committed = new GenerateRequest(spec, "asg-kms.yaml", out,
        EnumSet.of(Format.TERRAFORM, Format.JSON), null, stamp, "1.0.0-test",
        "mvn asg-kms:generate");
    Path versions = out.resolve("terraform/account-111122223333/versions.tf");
    Path grant = out.resolve("terraform/account-111122223333/grant-remote.tf");

    Generator.generate(request());
    assertThat(versions).content().contains("# change the spec and run mvn generate-sources.\n");

    // Another command is another output: the stamp does not skip it, and check tells them apart.
    assertThat(Generator.check(committed).differences()).isNotEmpty();
    Generator.GenerateResult rewritten = Generator.generate(committed);
    assertThat(rewritten.upToDate()).isFalse();
    assertThat(versions).content().contains("# change the spec and run mvn asg-kms:generate.\n");
    assertThat(grant).content().contains("# change the spec and run mvn asg-kms:generate.\n");
    assertThat(Generator.check(committed).differences()).isEmpty();
    assertThat(Generator.generate(committed).upToDate()).isTrue();
  }

  @Test
  void aDeletedOwnedFileOrAnEditedManifestMeansWorkAgain() throws Exception {
    Generator.generate(request());
    Path grant = out.resolve("terraform/account-111122223333/grant-remote.tf");
    String original = Files.readString(grant);
    Files.delete(grant);

    Generator.GenerateResult restored = Generator.generate(request());

    assertThat(restored.upToDate()).isFalse();
    assertThat(restored.sync().written()).containsExactly(
        "terraform/account-111122223333/grant-remote.tf");
    assertThat(grant).hasContent(original.stripTrailing());

    Path manifest = out.resolve(Manifest.FILE_NAME);
    String listed = Files.readString(manifest);
    Files.writeString(manifest, listed.replace("grant-remote.tf", "grant-elsewhere.tf"));
    assertThat(Generator.generate(request()).upToDate()).isFalse();
    assertThat(manifest).hasContent(listed.stripTrailing());
    assertThat(Generator.generate(request()).upToDate()).isTrue();
  }

  @Test
  void aUserTemplateOverridesOneBuiltInFile() throws Exception {
    Path templates = temp.resolve("templates/terraform");
    Files.createDirectories(templates);
    // Saved on Windows: the output is LF all the same.
    Files.writeString(templates.resolve("versions.tf.ftl"),
        "[#ftl]\r\n# pinned by the platform team\r\n# for account [=account.accountId]\r\n");
    GenerateRequest request = new GenerateRequest(spec, "asg-kms.yaml", out,
        EnumSet.of(Format.TERRAFORM), temp.resolve("templates"), stamp, "1.0.0-test");

    Generator.generate(request);

    assertThat(out.resolve("terraform/account-111122223333/versions.tf"))
        .hasBinaryContent("# pinned by the platform team\n# for account 111122223333\n"
            .getBytes(java.nio.charset.StandardCharsets.UTF_8));
    assertThat(Files.readString(out.resolve("terraform/account-111122223333/grant-remote.tf")))
        .contains("resource \"aws_kms_grant\"");

    Files.writeString(templates.resolve("versions.tf.ftl"), "[#ftl]\n# changed\n");
    assertThat(Generator.generate(request).upToDate()).isFalse();
    assertThat(out.resolve("terraform/account-111122223333/versions.tf")).hasContent("# changed");
  }

  @Test
  void aBadSpecIsReportedBeforeABrokenTemplate() throws Exception {
    Path templates = Files.createDirectories(temp.resolve("templates/terraform"));
    Files.writeString(templates.resolve("versions.tf.ftl"), "[#ftl]\n[#if]\n");
    Files.writeString(spec, TWO_KEYS.replace("version: 1", "version: 2"));
    GenerateRequest request = new GenerateRequest(spec, "asg-kms.yaml", out,
        EnumSet.of(Format.TERRAFORM), temp.resolve("templates"), stamp, "1.0.0-test");

    assertThatThrownBy(() -> Generator.generate(request)).isInstanceOf(SpecException.class)
        .hasMessageContaining("unsupported version 2");

    Files.writeString(spec, TWO_KEYS);
    assertThatThrownBy(() -> Generator.generate(request)).isInstanceOf(RenderException.class)
        .hasMessageContaining("terraform/versions.tf.ftl");
    assertThat(out).doesNotExist();
  }
}
