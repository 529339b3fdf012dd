package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.render.Format;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * The umask is the process's, so each case runs {@code generate} in a child JVM started under
 * its own: every file written (the output, the manifest, the stamp in the build directory)
 * gets the permissions any new file gets there, and the CLI script execute wherever it gets
 * read. Then the script is run as a user runs it, {@code ./create-grants.sh}.
 */
class UmaskTest {
  private static final String SPEC = """
      version: 1
      autoScalingAccountId: "111122223333"
      grantManager: cli
      keys:
        - name: remote
          arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
      grantCreator:
        roleName: deployer
      """;

  @TempDir Path temp;

  @ParameterizedTest(name = "umask {0}")
  @CsvSource({"022, rw-r--r--, rwxr-xr-x", "027, rw-r-----, rwxr-x---",
      "033, rw-r--r--, rwxr-xr-x", "077, rw-------, rwx------", "002, rw-rw-r--, rwxrwxr-x"})
  void filesGetTheUmasksPermissionsAndTheScriptExecuteWhereverRead(String umask, String plain,
      String script) throws Exception {
    Path spec = Files.writeString(temp.resolve("asg-kms.yaml"), SPEC);
    Path out = temp.resolve("out");
    Path stamp = temp.resolve("target/asg-kms/default.stamp");
    Files.createDirectories(stamp.getParent());

    runUnderUmask(umask, spec, out, stamp);

    List<Path> files;
    try (Stream<Path> walk = Files.walk(out)) {
      files = walk.filter(Files::isRegularFile).sorted().toList();
    }
    assertThat(files).hasSizeGreaterThan(4);
    for (Path file : files) {
      boolean isScript = file.getFileName().toString().equals("create-grants.sh");
      assertThat(permissions(file)).as(out.relativize(file).toString())
          .isEqualTo(isScript ? script : plain);
    }
    assertThat(permissions(stamp)).as("the stamp").isEqualTo(plain);
    Path folder = out.resolve("json/account-111122223333");
    Process run = new ProcessBuilder("./create-grants.sh").directory(folder.toFile())
        .redirectErrorStream(true).start();
    run.getOutputStream().close();
    String said = new String(run.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(run.waitFor(60, TimeUnit.SECONDS)).isTrue();
    // It runs, and stops at its own first check (no Region given), not at the shell.
    assertThat(said).doesNotContain("Permission denied");
    assertThat(run.exitValue()).as(said).isNotIn(126, 127);
  }

  private static void runUnderUmask(String umask, Path spec, Path out, Path stamp)
      throws Exception {
    List<String> command = new ArrayList<>(List.of("/bin/sh", "-c",
        "umask " + umask + " && exec \"$@\"", "sh",
        System.getProperty("java.home") + File.separator + "bin" + File.separator + "java",
        "-Xshare:auto", "-XX:TieredStopAtLevel=1", "-XX:+UseSerialGC", "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        GenerateMain.class.getName(), spec.toString(), out.toString(), stamp.toString()));
    Process process = new ProcessBuilder(command).redirectErrorStream(true).start();
    String said = new String(process.getInputStream().readAllBytes(), StandardCharsets.UTF_8);
    assertThat(process.waitFor(120, TimeUnit.SECONDS)).isTrue();
    assertThat(process.exitValue()).as(said).isZero();
  }

  private static String permissions(Path file) throws Exception {
    return PosixFilePermissions.toString(Files.getPosixFilePermissions(file));
  }

  /** The child: one {@code generate} of the JSON and Terraform formats, with a stamp. */
  public static final class GenerateMain {
    public static void main(String[] args) throws Exception {
      Generator.generate(new GenerateRequest(Path.of(args[0]), "asg-kms.yaml", Path.of(args[1]),
          EnumSet.of(Format.JSON, Format.TERRAFORM), null, Path.of(args[2]), "test"));
    }
  }
}
