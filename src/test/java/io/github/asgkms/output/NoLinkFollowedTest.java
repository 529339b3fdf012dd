package io.github.asgkms.output;

import static io.github.asgkms.output.Generations.file;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * No read, write or delete follows a symbolic link inside the output directory: not to write,
 * not to prune, not to compare. What is found there is reported, and nothing outside the
 * directory is touched or shown.
 */
class NoLinkFollowedTest {
  @TempDir Path temp;
  Path out;
  Path elsewhere;

  @BeforeEach
  void folders() throws Exception {
    out = temp.resolve("out");
    elsewhere = Files.createDirectories(temp.resolve("elsewhere"));
  }

  @Test
  void writesDoNotFollowALinkedFolderEvenWithForce() throws Exception {
    Files.writeString(elsewhere.resolve("a.tf"), "precious\n");
    Files.createDirectories(out);
    Files.createSymbolicLink(out.resolve("terraform"), elsewhere);
    Map<String, String> outside = Snapshot.of(elsewhere);

    for (boolean force : new boolean[] {false, true}) {
      OutputConflictException e = catchThrowableOfType(OutputConflictException.class,
          () -> new OutputDirectory(out, WriteOptions.defaults().withForce(force))
              .sync(List.of(file("terraform/a.tf", "generated a\n"),
                  file("terraform/b.tf", "generated b\n"))));

      assertThat(Snapshot.of(elsewhere)).isEqualTo(outside);
      assertThat(Files.isSymbolicLink(out.resolve("terraform"))).isTrue();
      assertThat(e.conflicts()).extracting(Conflict::toString).containsExactly(
          "terraform/a.tf: its folder terraform is a symbolic link, not followed",
          "terraform/b.tf: its folder terraform is a symbolic link, not followed");
    }
  }

  @Test
  void aLinkAtAGeneratedPathIsNeitherFollowedNorReplaced() throws Exception {
    Path target = Files.writeString(elsewhere.resolve("target.tf"), "precious\n");
    Files.createDirectories(out.resolve("t"));
    Files.createSymbolicLink(out.resolve("t/a.tf"), target);

    OutputConflictException e = catchThrowableOfType(OutputConflictException.class,
        () -> new OutputDirectory(out, WriteOptions.defaults().withForce(true))
            .sync(List.of(file("t/a.tf", "generated\n"))));

    assertThat(target).hasContent("precious");
    assertThat(Files.readSymbolicLink(out.resolve("t/a.tf"))).isEqualTo(target);
    assertThat(e.conflicts()).extracting(Conflict::toString)
        .containsExactly("t/a.tf: a symbolic link, not followed");
  }

  @Test
  void pruneDoesNotFollowALinkedFolderToDeleteAFileOutside() throws Exception {
    new OutputDirectory(out).sync(List.of(file("t/keep.tf", "k\n"), file("t/gone.tf", "g\n")));
    // The user moves the folder elsewhere and links it back, with a file of their own that
    // has the very bytes the manifest records.
    Files.writeString(elsewhere.resolve("gone.tf"), "g\n");
    Files.writeString(elsewhere.resolve("keep.tf"), "k\n");
    TestTrees.deleteRecursively(out.resolve("t"));
    Files.createSymbolicLink(out.resolve("t"), elsewhere);
    Map<String, String> outside = Snapshot.of(elsewhere);
    Map<String, String> before = Snapshot.of(out);

    OutputConflictException e = catchThrowableOfType(OutputConflictException.class,
        () -> new OutputDirectory(out).sync(List.of(file("u/keep.tf", "k\n"))));

    assertThat(Snapshot.of(elsewhere)).isEqualTo(outside);
    assertThat(Snapshot.of(out)).isEqualTo(before);
    assertThat(e.conflicts()).extracting(Conflict::toString).containsExactly(
        "t/gone.tf: its folder t is a symbolic link, not followed; no longer generated",
        "t/keep.tf: its folder t is a symbolic link, not followed; no longer generated");

    // On force the link and what it points to are kept, and no longer tracked.
    OutputDirectory.SyncResult forced = new OutputDirectory(out,
        WriteOptions.defaults().withForce(true)).sync(List.of(file("u/keep.tf", "k\n")));
    assertThat(forced.kept()).containsExactly("t/gone.tf", "t/keep.tf");
    assertThat(forced.deleted()).isEmpty();
    assertThat(Snapshot.of(elsewhere)).isEqualTo(outside);
    assertThat(Files.isSymbolicLink(out.resolve("t"))).isTrue();
  }

  @Test
  void pruneNeverDeletesTheUsersLinkAtAnOwnedPath() throws Exception {
    new OutputDirectory(out).sync(List.of(file("t/a.tf", "a\n"), file("t/gone.tf", "g\n")));
    Path target = Files.writeString(elsewhere.resolve("mine.tf"), "g\n");
    Files.delete(out.resolve("t/gone.tf"));
    Files.createSymbolicLink(out.resolve("t/gone.tf"), target);

    OutputConflictException e = catchThrowableOfType(OutputConflictException.class,
        () -> new OutputDirectory(out).sync(List.of(file("t/a.tf", "a\n"))));

    assertThat(Files.isSymbolicLink(out.resolve("t/gone.tf"))).isTrue();
    assertThat(target).hasContent("g");
    assertThat(e.conflicts()).extracting(Conflict::toString).containsExactly(
        "t/gone.tf: a symbolic link, not followed, and no longer generated");
  }

  @Test
  void checkNeverShowsWhatALinkAtAGeneratedPathPointsTo() throws Exception {
    Path credentials = Files.writeString(elsewhere.resolve("credentials"),
        "[default]\naws_secret_access_key = wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY\n");
    List<GeneratedFile> files = List.of(file("t/a.tf", "a\n"), file("u/b.tf", "b\n"));
    new OutputDirectory(out).sync(files);
    Files.delete(out.resolve("t/a.tf"));
    Files.createSymbolicLink(out.resolve("t/a.tf"), credentials);
    TestTrees.deleteRecursively(out.resolve("u"));
    Files.createSymbolicLink(out.resolve("u"), elsewhere);

    List<Difference> differences = new OutputDirectory(out).compare(files).differences();

    assertThat(differences).containsExactly(
        new Difference("t/a.tf", Difference.Kind.LINK, ""),
        new Difference("u/b.tf", Difference.Kind.LINK, ""));
    assertThat(differences.toString()).doesNotContain("aws_secret_access_key");
  }

  @Test
  void aLinkAsTheManifestIsNeitherReadNorReplaced() throws Exception {
    Path target = Files.writeString(elsewhere.resolve("manifest"),
        Sha256.hex("x\n".getBytes(StandardCharsets.UTF_8)) + " t/x.tf\n");
    Files.createDirectories(out);
    Files.createSymbolicLink(out.resolve(Manifest.FILE_NAME), target);
    String before = Files.readString(target);

    OutputConflictException e = catchThrowableOfType(OutputConflictException.class,
        () -> new OutputDirectory(out, WriteOptions.defaults().withForce(true))
            .sync(List.of(file("t/a.tf", "a\n"))));

    assertThat(target).hasContent(before.strip());
    assertThat(out.resolve("t")).doesNotExist();
    assertThat(e.conflicts()).extracting(Conflict::toString)
        .containsExactly(".asg-kms-manifest: a symbolic link, not followed");
  }
}
