package io.github.asgkms.output;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class OutputDirectoryTest {
  @TempDir Path out;

  private static GeneratedFile file(String path, String text) {
    return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8));
  }

  @Test
  void writesOnlyWhatChangedAndKeepsTheMtimeOfTheRest() throws Exception {
    OutputDirectory dir = new OutputDirectory(out);
    dir.sync(List.of(file("a/x.tf", "x\n"), file("a/y.tf", "y\n")));
    FileTime old = FileTime.fromMillis(1_000_000_000_000L);
    Files.setLastModifiedTime(out.resolve("a/x.tf"), old);

    OutputDirectory.SyncResult result =
        dir.sync(List.of(file("a/x.tf", "x\n"), file("a/y.tf", "y2\n")));

    assertThat(result.unchanged()).containsExactly("a/x.tf");
    assertThat(result.written()).containsExactly("a/y.tf");
    assertThat(Files.getLastModifiedTime(out.resolve("a/x.tf"))).isEqualTo(old);
    assertThat(Files.readString(out.resolve("a/y.tf"))).isEqualTo("y2\n");
    try (var leftovers = Files.list(out.resolve("a"))) {
      assertThat(leftovers.map(p -> p.getFileName().toString())).containsExactlyInAnyOrder(
          "x.tf", "y.tf");
    }
  }

  @Test
  void prunesOwnedFilesButNeverAFileItDidNotWrite() throws Exception {
    OutputDirectory dir = new OutputDirectory(out);
    dir.sync(List.of(file("a/x.tf", "x\n"), file("b/gone.tf", "g\n"), file("a/gone.tf", "g\n")));
    Files.writeString(out.resolve("a/mine.tf"), "user's own\n");

    OutputDirectory.SyncResult result = dir.sync(List.of(file("a/x.tf", "x\n")));

    assertThat(result.deleted()).containsExactly("a/gone.tf", "b/gone.tf");
    assertThat(out.resolve("b")).doesNotExist();
    assertThat(Files.readString(out.resolve("a/mine.tf"))).isEqualTo("user's own\n");
    assertThat(Files.readString(out.resolve(Manifest.FILE_NAME)))
        .endsWith("\n" + Sha256.hex("x\n".getBytes(StandardCharsets.UTF_8)) + " a/x.tf\n");
  }

  @Test
  void aManifestLineThatPointsOutsideIsAConflictAndNothingIsTouched() throws Exception {
    Path outside = Files.writeString(out.resolveSibling(out.getFileName() + "-victim.txt"), "v");
    String line = Sha256.hex("v".getBytes(StandardCharsets.UTF_8)) + " ../"
        + outside.getFileName();
    Files.writeString(out.resolve(Manifest.FILE_NAME), line + "\n");

    assertThatThrownBy(() -> new OutputDirectory(out).sync(List.of(file("a/b.tf", "a\n"))))
        .isInstanceOf(OutputConflictException.class)
        .hasMessageContaining(".asg-kms-manifest: line 1 ")
        .hasMessageContaining("unsafe path segment '..'");
    assertThat(out.resolve("a")).doesNotExist();

    new OutputDirectory(out, WriteOptions.defaults().withForce(true))
        .sync(List.of(file("a/b.tf", "a\n")));
    assertThat(outside).hasContent("v");
    Files.delete(outside);
  }

  @Test
  void refusesPathsThatLeaveTheOutputDirectory() {
    for (String bad : List.of("../x", "/etc/passwd", "a/../../x", "a//b", "a/./b", "", "a\\b",
        "a/b c")) {
      assertThatThrownBy(() -> OutputPaths.resolve(out, bad)).as(bad)
          .isInstanceOf(IllegalArgumentException.class);
    }
    assertThat(OutputPaths.resolve(out, "terraform/account-1/x.tf"))
        .isEqualTo(out.toAbsolutePath().normalize().resolve("terraform/account-1/x.tf"));
  }
}
