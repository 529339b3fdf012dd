package io.github.asgkms.output;

import static io.github.asgkms.output.Generations.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The plugin overwrites or deletes a file only when it proves it wrote it: the file's bytes
 * hash to what the manifest recorded. Whatever a manifest claims, the user's files survive.
 */
class OwnershipTest {
  @TempDir Path project;

  private static String hash(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void aTamperedManifestAtTheProjectBaseDeletesNoneOfTheProjectsFiles() throws Exception {
    Files.writeString(project.resolve("pom.xml"), "<project/>\n");
    Files.writeString(project.resolve("README.md"), "# readme\n");
    Files.createDirectories(project.resolve("src/main/asg-kms"));
    Files.writeString(project.resolve("src/main/asg-kms/asg-kms.yaml"), "version: 1\n");
    Files.createDirectories(project.resolve(".git"));
    Files.writeString(project.resolve(".git/config"), "[core]\n");
    Files.writeString(project.resolve(Manifest.FILE_NAME), String.join("\n",
        "# tampered",
        "x pom.xml",
        hash("something else") + " README.md",
        "sha256:" + hash("version: 1\n") + " src/main/asg-kms/asg-kms.yaml",
        hash("[core]\n") + " .git/config",
        ""));
    Map<String, String> before = Snapshot.of(project);

    OutputConflictException e = catchThrowableOfType(OutputConflictException.class,
        () -> new OutputDirectory(project).sync(List.of(file("terraform/a.tf", "a\n"))));

    assertThat(Snapshot.of(project)).isEqualTo(before);
    assertThat(e.conflicts()).extracting(Conflict::toString).containsExactly(
        ".asg-kms-manifest: line 2 'x pom.xml': expected a SHA-256 (64 lowercase hex digits),"
            + " a space and a path",
        ".asg-kms-manifest: line 4 '" + ("sha256:" + hash("version: 1\n")
            + " src/main/asg-kms/asg-kms.yaml").substring(0, 100)
            + "...': expected a SHA-256 (64 lowercase hex digits), a space and a path",
        ".asg-kms-manifest: line 5 '" + hash("[core]\n") + " .git/config': unsafe path"
            + " segment '.git' in '.git/config'",
        "README.md: edited by hand since the plugin wrote it, and no longer generated");
  }

  @Test
  void aManifestMergedInAPullRequestCannotDeleteAFileItDoesNotMatch() throws Exception {
    Path out = project.resolve("generated");
    new OutputDirectory(out).sync(List.of(file("terraform/a.tf", "a\n")));
    Files.writeString(out.resolve("terraform/b.tf"), "the user's b\n");
    Files.writeString(out.resolve(Manifest.FILE_NAME), String.join("\n",
        "<<<<<<< HEAD",
        hash("a\n") + " terraform/a.tf",
        "=======",
        hash("the generated b\n") + " terraform/b.tf",
        ">>>>>>> feature",
        ""));
    Map<String, String> before = Snapshot.of(out);

    OutputConflictException e = catchThrowableOfType(OutputConflictException.class,
        () -> new OutputDirectory(out).sync(List.of(file("terraform/a.tf", "a\n"))));

    assertThat(Snapshot.of(out)).isEqualTo(before);
    assertThat(e.conflicts()).extracting(Conflict::path).containsExactly(
        ".asg-kms-manifest", ".asg-kms-manifest", ".asg-kms-manifest", "terraform/b.tf");
    assertThat(e.getMessage()).contains("line 1 '<<<<<<< HEAD'", "line 3 '======='",
        "line 5 '>>>>>>> feature'",
        "terraform/b.tf: edited by hand since the plugin wrote it, and no longer generated");
  }

  @Test
  void aHandEditedFileNoLongerGeneratedIsReportedAndOnForceKeptUntracked() throws Exception {
    Path out = project.resolve("out");
    new OutputDirectory(out).sync(List.of(file("t/a.tf", "a\n"), file("t/gone.tf", "g\n")));
    Files.writeString(out.resolve("t/gone.tf"), "g\n# my edit\n");
    Map<String, String> before = Snapshot.of(out);

    assertThatThrownBy(() -> new OutputDirectory(out).sync(List.of(file("t/a.tf", "a\n"))))
        .isInstanceOf(OutputConflictException.class)
        .hasMessage("1 file in " + out.toAbsolutePath() + " is not the plugin's to overwrite or"
            + " delete, so nothing was written:\n"
            + "  t/gone.tf: edited by hand since the plugin wrote it, and no longer generated");
    assertThat(Snapshot.of(out)).isEqualTo(before);

    List<String> notices = new ArrayList<>();
    OutputDirectory.SyncResult result = new OutputDirectory(out,
        WriteOptions.defaults().withForce(true).withNotices(notices::add))
        .sync(List.of(file("t/a.tf", "a\n")));

    assertThat(result.kept()).containsExactly("t/gone.tf");
    assertThat(result.deleted()).isEmpty();
    assertThat(out.resolve("t/gone.tf")).hasContent("g\n# my edit");
    assertThat(Manifest.read(out).hashesByPath()).containsOnlyKeys("t/a.tf");
    assertThat(notices).containsExactly("kept t/gone.tf, no longer generated and not the"
        + " plugin's to delete (force); it is no longer tracked");
  }

  @Test
  void aUsersFileAtAGeneratedPathIsNeverSilentlyOverwritten() throws Exception {
    Path out = project.resolve("out");
    Files.createDirectories(out.resolve("t"));
    Files.writeString(out.resolve("t/a.tf"), "the user's a\n");
    Map<String, String> before = Snapshot.of(out);

    assertThatThrownBy(() -> new OutputDirectory(out).sync(List.of(file("t/a.tf", "a\n"))))
        .isInstanceOf(OutputConflictException.class)
        .hasMessageEndingWith("\n  t/a.tf: not written by the plugin");
    assertThat(Snapshot.of(out)).isEqualTo(before);

    // Taken on purpose, it is the plugin's from then on, and pruned as such.
    new OutputDirectory(out, WriteOptions.defaults().withForce(true))
        .sync(List.of(file("t/a.tf", "a\n")));
    assertThat(out.resolve("t/a.tf")).hasContent("a");
    new OutputDirectory(out).sync(List.of(file("t/b.tf", "b\n")));
    assertThat(out.resolve("t/a.tf")).doesNotExist();
  }

  @Test
  void aFileTheUserCopiedFromAnEarlierRunIsNotTheirsToLose() throws Exception {
    // Identical bytes at a generated path, without a manifest: adopted, not overwritten.
    Path out = project.resolve("out");
    Files.createDirectories(out.resolve("t"));
    Files.writeString(out.resolve("t/a.tf"), "a\n");

    OutputDirectory.SyncResult result =
        new OutputDirectory(out).sync(List.of(file("t/a.tf", "a\n")));

    assertThat(result.unchanged()).containsExactly("t/a.tf");
    assertThat(Manifest.read(out).hashesByPath()).containsOnlyKeys("t/a.tf");
  }

  @Test
  void anotherProjectsManifestIsAConflictSoTwoProjectsCannotPruneEachOther() throws Exception {
    Path out = project.resolve("shared");
    new OutputDirectory(out, WriteOptions.defaults().withOwner("g:module-a"))
        .sync(List.of(file("t/a.tf", "a\n")));
    Map<String, String> before = Snapshot.of(out);

    assertThatThrownBy(() -> new OutputDirectory(out, WriteOptions.defaults()
        .withOwner("g:module-b")).sync(List.of(file("t/b.tf", "b\n"))))
        .isInstanceOf(OutputConflictException.class)
        .hasMessageEndingWith("\n  .asg-kms-manifest: the files here were written for"
            + " g:module-a, not for g:module-b; two projects that share an output directory"
            + " delete each other's files");
    assertThat(Snapshot.of(out)).isEqualTo(before);
    assertThat(Files.readString(out.resolve(Manifest.FILE_NAME)))
        .contains("\nformat 3\nowner g:module-a\n");
  }

  @Test
  void aManifestOfTheFirstFormatIsStillRead() throws Exception {
    Path out = project.resolve("out");
    Files.createDirectories(out.resolve("t"));
    Files.writeString(out.resolve("t/old.tf"), "old\n");
    Files.writeString(out.resolve(Manifest.FILE_NAME), "# Files written by"
        + " asg-kms-maven-plugin, with their SHA-256. It deletes them when they are no longer"
        + " generated.\n" + hash("old\n") + " t/old.tf\n");

    OutputDirectory.SyncResult result =
        new OutputDirectory(out).sync(List.of(file("t/new.tf", "new\n")));

    assertThat(result.deleted()).containsExactly("t/old.tf");
  }

  @Test
  void aConflictReportNamesTheFirstHundredAndCountsTheRest() throws Exception {
    Path out = project.resolve("out");
    List<GeneratedFile> files = new ArrayList<>();
    for (int i = 0; i < 150; i++) {
      String path = String.format("t/f%03d.tf", i);
      files.add(file(path, "generated\n"));
      Files.createDirectories(out.resolve("t"));
      Files.writeString(out.resolve(path), "the user's\n");
    }

    OutputConflictException e = catchThrowableOfType(OutputConflictException.class,
        () -> new OutputDirectory(out).sync(files));

    assertThat(out.resolve("t/f149.tf")).hasContent("the user's");
    assertThat(e.conflicts()).hasSize(150);
    assertThat(e.getMessage().lines()).hasSize(1 + 100 + 1);
    assertThat(e.getMessage()).contains("\n  t/f099.tf: not written by the plugin\n"
        + "  ... and 50 more").doesNotContain("t/f100.tf");
  }
}
