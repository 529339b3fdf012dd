package io.github.asgkms.output;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.StandardOpenOption;
import java.nio.file.attribute.FileTime;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Scripts are written executable wherever the umask lets files be readable, the manifest
 * records the bit, and a lost or extra bit is a difference that {@code generate} mends in
 * place, without writing the bytes again. Under this JVM's umask; {@code UmaskTest} tries
 * others in child processes.
 */
class ExecutableBitTest {
  private static final FileTime OLD = FileTime.fromMillis(1_000_000_000_000L);

  @TempDir Path out;
  private int plainMode;
  private List<GeneratedFile> files;

  @BeforeEach
  void theModeOfAnyNewFileHere() throws IOException {
    Path probe = out.resolveSibling(out.getFileName() + "-probe");
    Files.write(probe, new byte[0], StandardOpenOption.CREATE_NEW);
    plainMode = mode(probe);
    Files.delete(probe);
    files = List.of(file("t/a.tf", "a\n", false), file("t/run.sh", "#!/bin/sh\necho ok\n", true));
  }

  @Test
  void aScriptIsExecutableWhereverItIsReadableAndOtherFilesAreAsAnyNewFile() throws Exception {
    new OutputDirectory(out).sync(files);

    assertThat(mode(out.resolve("t/a.tf"))).isEqualTo(plainMode);
    assertThat(mode(out.resolve(Manifest.FILE_NAME))).isEqualTo(plainMode);
    assertThat(mode(out.resolve("t/run.sh"))).isEqualTo(plainMode | (plainMode & 0444) >> 2);
    Process run = new ProcessBuilder(out.resolve("t/run.sh").toString()).start();
    assertThat(new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8))
        .isEqualTo("ok\n");
    assertThat(run.waitFor()).isZero();
    assertThat(Files.readString(out.resolve(Manifest.FILE_NAME)))
        .contains("\n" + hash("#!/bin/sh\necho ok\n") + " t/run.sh executable\n")
        .contains("\n" + hash("a\n") + " t/a.tf\n");
  }

  @Test
  void aLostBitIsADifferenceAndGenerateSetsItWithoutWritingTheFile() throws Exception {
    OutputDirectory dir = new OutputDirectory(out);
    dir.sync(files);
    Path script = out.resolve("t/run.sh");
    Files.setPosixFilePermissions(script, PosixFilePermissions.fromString("rw-r-----"));
    Object inode = Files.readAttributes(script, "unix:ino").get("ino");
    Files.setLastModifiedTime(script, OLD);

    assertThat(dir.compare(files).differences()).containsExactly(
        new Difference("t/run.sh", Difference.Kind.NOT_EXECUTABLE, ""));
    OutputDirectory.SyncResult result = dir.sync(files);

    assertThat(result.modesSet()).containsExactly("t/run.sh");
    assertThat(result.written()).isEmpty();
    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(script)))
        .isEqualTo("rwxr-x---");
    assertThat(Files.getLastModifiedTime(script)).isEqualTo(OLD);
    assertThat(Files.readAttributes(script, "unix:ino").get("ino")).isEqualTo(inode);
    assertThat(dir.compare(files).differences()).isEmpty();
  }

  @Test
  void anExtraBitIsADifferenceAndGenerateClearsIt() throws Exception {
    OutputDirectory dir = new OutputDirectory(out);
    dir.sync(files);
    Path plain = out.resolve("t/a.tf");
    Files.setPosixFilePermissions(plain, PosixFilePermissions.fromString("rwxr-xr--"));
    Files.setLastModifiedTime(plain, OLD);

    assertThat(dir.compare(files).differences()).containsExactly(
        new Difference("t/a.tf", Difference.Kind.EXECUTABLE, ""));
    dir.sync(files);

    assertThat(PosixFilePermissions.toString(Files.getPosixFilePermissions(plain)))
        .isEqualTo("rw-r--r--");
    assertThat(Files.getLastModifiedTime(plain)).isEqualTo(OLD);
  }

  @Test
  void anUnchangedRunRewritesNothingNotEvenTheManifest() throws Exception {
    OutputDirectory dir = new OutputDirectory(out);
    dir.sync(files);
    for (String path : List.of("t/a.tf", "t/run.sh", Manifest.FILE_NAME)) {
      Files.setLastModifiedTime(out.resolve(path), OLD);
    }
    Map<String, Object> before = modesAndTimes();

    OutputDirectory.SyncResult result = dir.sync(files);

    assertThat(result.unchanged()).containsExactly("t/a.tf", "t/run.sh");
    assertThat(result.written()).isEmpty();
    assertThat(result.modesSet()).isEmpty();
    assertThat(modesAndTimes()).isEqualTo(before);
  }

  @Test
  void aFailureAtAnyStepLeavesBytesAndModesOldOrNew() throws Exception {
    List<GeneratedFile> next = List.of(file("t/a.tf", "a2\n", false),
        files.get(1), file("t/b.sh", "#!/bin/sh\n", true));
    int failAt = 0;
    while (true) {
      Path dir = out.resolve("run-" + failAt);
      new OutputDirectory(dir).sync(files);
      Files.setPosixFilePermissions(dir.resolve("t/run.sh"),
          PosixFilePermissions.fromString("rw-r--r--"));
      Map<String, String> bytes = Snapshot.of(dir);
      Map<String, Object> modes = modesAndTimes(dir);
      try {
        new OutputDirectory(dir, WriteOptions.defaults(), new Disk(failAt, -1)).sync(next);
        break;
      } catch (IOException failure) {
        if (Snapshot.of(dir).equals(bytes)) {
          assertThat(modesAndTimes(dir)).as("modes after a failure at %d", failAt)
              .isEqualTo(modes);
        } else { // failed after the change was complete: the next run finishes it
          assertThat(new OutputDirectory(dir).recover()).as("after a failure at %d", failAt)
              .isNotNull();
          assertThat(new OutputDirectory(dir).compare(next).differences()).isEmpty();
        }
      }
      failAt++;
    }

    assertThat(failAt).isGreaterThan(5);
    Path done = out.resolve("run-" + failAt);
    assertThat(new OutputDirectory(done).compare(next).differences()).isEmpty();
    assertThat(Files.isExecutable(done.resolve("t/run.sh"))).isTrue();
    assertThat(Files.isExecutable(done.resolve("t/b.sh"))).isTrue();
  }

  @Test
  void aManifestOfTheSecondFormatIsReadEveryFileAsNotExecutable() throws Exception {
    Files.createDirectories(out.resolve("t"));
    Files.writeString(out.resolve("t/run.sh"), "#!/bin/sh\necho ok\n");
    Files.writeString(out.resolve(Manifest.FILE_NAME), "format 2\nowner g:a\n"
        + hash("#!/bin/sh\necho ok\n") + " t/run.sh\n");

    Manifest manifest = Manifest.read(out);
    assertThat(manifest.hashesByPath()).containsOnlyKeys("t/run.sh");
    assertThat(manifest.executables()).isEmpty();
    new OutputDirectory(out, WriteOptions.defaults().withOwner("g:a")).sync(files);

    assertThat(Files.isExecutable(out.resolve("t/run.sh"))).isTrue();
    assertThat(Manifest.read(out).executables()).containsExactly("t/run.sh");
  }

  private Map<String, Object> modesAndTimes() throws IOException {
    return modesAndTimes(out);
  }

  private static Map<String, Object> modesAndTimes(Path root) throws IOException {
    Map<String, Object> all = new TreeMap<>();
    try (var walk = Files.walk(root)) {
      for (Path path : walk.filter(Files::isRegularFile).toList()) {
        all.put(root.relativize(path) + " mode", mode(path));
        all.put(root.relativize(path) + " mtime", Files.getLastModifiedTime(path));
      }
    }
    return all;
  }

  private static int mode(Path path) throws IOException {
    return Modes.of(Files.getPosixFilePermissions(path, LinkOption.NOFOLLOW_LINKS));
  }

  private static String hash(String text) {
    return Sha256.hex(text.getBytes(StandardCharsets.UTF_8));
  }

  private static GeneratedFile file(String path, String text, boolean executable) {
    return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8), executable);
  }
}
