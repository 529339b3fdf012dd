package io.github.asgkms.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The manifest records the configuration that wrote the files; a run that stands in for
 * another (a goal from the command line) refuses, unless forced, to take over files written
 * with another configuration, and writes nothing. A run of the build's own configuration
 * that changed is the user's intent, and goes on.
 */
class OtherConfigurationTest {
  private static final Configuration ALL = new Configuration(
      List.of("terraform", "json", "cloudformation"), "src/main/asg-kms/asg-kms.yaml", false);
  private static final Configuration DEFAULTS = new Configuration(
      List.of("terraform"), "src/main/asg-kms/asg-kms.yaml", false);

  @TempDir Path out;

  private final List<GeneratedFile> all = List.of(file("cloudformation/k.yaml"),
      file("json/k.json"), file("terraform/k.tf"));
  private final List<GeneratedFile> terraform = List.of(file("terraform/k.tf"));

  @Test
  void theManifestRecordsTheConfiguration() throws Exception {
    new OutputDirectory(out, WriteOptions.defaults().withConfiguration(ALL)).sync(all);

    assertThat(Files.readString(out.resolve(Manifest.FILE_NAME))).contains("\nformat 3\n"
        + "formats cloudformation,json,terraform\nspec src/main/asg-kms/asg-kms.yaml\n"
        + "templates built-in\n");
    assertThat(Manifest.read(out).configuration()).isEqualTo(ALL);
  }

  @Test
  void aStandInRunWithAnotherConfigurationRefusesAndWritesNothing() throws Exception {
    new OutputDirectory(out, WriteOptions.defaults().withConfiguration(ALL)).sync(all);
    Map<String, String> before = Snapshot.of(out);

    assertThatThrownBy(() -> new OutputDirectory(out, WriteOptions.defaults()
        .withConfiguration(DEFAULTS).withSameConfiguration(true)).sync(terraform))
        .isInstanceOfSatisfying(OtherConfigurationException.class, e -> {
          assertThat(e.differences()).containsExactly(
              "the formats were cloudformation,json,terraform, this run's are terraform");
          assertThat(e.wouldDelete()).isEqualTo(2);
        });
    assertThat(Snapshot.of(out)).isEqualTo(before);
  }

  @Test
  void sameConfigurationGoesOnAndForceTakesTheNewOneOnPurpose() throws Exception {
    new OutputDirectory(out, WriteOptions.defaults().withConfiguration(ALL)).sync(all);
    WriteOptions standIn = WriteOptions.defaults().withSameConfiguration(true);

    assertThat(new OutputDirectory(out, standIn.withConfiguration(ALL)).sync(all).unchanged())
        .hasSize(3);
    assertThat(new OutputDirectory(out, standIn.withConfiguration(DEFAULTS).withForce(true))
        .sync(terraform).deleted()).containsExactly("cloudformation/k.yaml", "json/k.json");
    assertThat(Manifest.read(out).configuration()).isEqualTo(DEFAULTS);
  }

  @Test
  void theBuildsOwnChangedConfigurationIsItsIntentAndGoesOn() throws Exception {
    new OutputDirectory(out, WriteOptions.defaults().withConfiguration(ALL)).sync(all);

    assertThat(new OutputDirectory(out, WriteOptions.defaults().withConfiguration(DEFAULTS))
        .sync(terraform).deleted()).containsExactly("cloudformation/k.yaml", "json/k.json");
  }

  @Test
  void aManifestWithNoConfigurationRecordedIsNotRefused() throws Exception {
    new OutputDirectory(out).sync(all);

    assertThat(new OutputDirectory(out, WriteOptions.defaults().withConfiguration(DEFAULTS)
        .withSameConfiguration(true)).sync(terraform).deleted()).hasSize(2);
  }

  @Test
  void anIncompleteOrRepeatedConfigurationIsAProblemOfTheManifest() {
    String hash = Sha256.hex("x\n".getBytes(StandardCharsets.UTF_8));
    Manifest.Parsed parsed = Manifest.parse(("format 3\nformats json\nformats json\n"
        + hash + " t/a.tf\nspec s.yaml\n").getBytes(StandardCharsets.UTF_8));

    assertThat(parsed.problems()).containsExactly(
        "line 3 'formats json': the formats line is there twice",
        "line 5 'spec s.yaml': the configuration belongs before the files",
        "the configuration needs all of its formats, spec and templates lines");
    assertThat(parsed.manifest().configuration()).isNull();
  }

  private static GeneratedFile file(String path) {
    return new GeneratedFile(path, (path + "\n").getBytes(StandardCharsets.UTF_8));
  }
}
