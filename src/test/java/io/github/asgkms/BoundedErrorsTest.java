package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.github.asgkms.output.Difference;
import io.github.asgkms.output.Manifest;
import io.github.asgkms.output.OutputConflictException;
import io.github.asgkms.output.OutputDirectory;
import io.github.asgkms.output.Stamp;
import io.github.asgkms.render.Format;
import io.github.asgkms.render.RenderException;
import io.github.asgkms.spec.SpecException;
import java.io.IOException;
import java.io.RandomAccessFile;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.List;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.Timeout;
import org.junit.jupiter.api.io.TempDir;

/**
 * A hostile or unlucky environment gets an error that is bounded (no hang, no out-of-memory,
 * no endless log) and that names the file, what was being done and why.
 */
@Timeout(value = 60, unit = TimeUnit.SECONDS, threadMode = Timeout.ThreadMode.SEPARATE_THREAD)
class BoundedErrorsTest {
  private static final String SPEC = """
      version: 1
      autoScalingAccountId: "111122223333"
      keys:
        - name: remote
          arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
      """;
  private static final long SPARSE_BYTES = 3L * 1024 * 1024 * 1024;

  @TempDir Path temp;
  Path spec;
  Path out;
  Path stamp;

  @BeforeEach
  void paths() throws Exception {
    spec = Files.writeString(temp.resolve("asg-kms.yaml"), SPEC);
    out = temp.resolve("out");
    stamp = temp.resolve("target/asg-kms/default.stamp");
  }

  private GenerateRequest request(Path templates) {
    return new GenerateRequest(spec, "asg-kms.yaml", out, EnumSet.of(Format.TERRAFORM),
        templates, stamp, "1.0.0-test");
  }

  private static void mkfifo(Path path) throws Exception {
    Process process = new ProcessBuilder("mkfifo", path.toString()).start();
    assumeTrue(process.waitFor() == 0, "mkfifo is not available");
  }

  private static void sparse(Path file, long size) throws IOException {
    try (RandomAccessFile raf = new RandomAccessFile(file.toFile(), "rw")) {
      raf.setLength(size);
    }
  }

  @Test
  void aFifoAsTheManifestIsRefusedWithoutBeingOpened() throws Exception {
    Files.createDirectories(out);
    mkfifo(out.resolve(Manifest.FILE_NAME));

    assertThatThrownBy(() -> Generator.generate(request(null)))
        .isInstanceOf(OutputConflictException.class)
        .hasMessageEndingWith("\n  .asg-kms-manifest: not a regular file");
    assertThat(Generator.check(request(null)).differences()).contains(
        new Difference(Manifest.FILE_NAME, Difference.Kind.NOT_A_FILE, ""));
  }

  @Test
  void aFifoAsTheSpecIsRefusedWithoutBeingOpened() throws Exception {
    Files.delete(spec);
    mkfifo(spec);

    assertThatThrownBy(() -> Generator.generate(request(null)))
        .isInstanceOf(SpecException.class)
        .hasMessage("1 error in the spec:\nasg-kms.yaml: the spec is not a regular file"
            + " (a FIFO, socket or device)");
  }

  @Test
  void aSparseSpecOfGigabytesGivesTheSizeErrorNotOutOfMemory() throws Exception {
    sparse(spec, SPARSE_BYTES);

    assertThatThrownBy(() -> Generator.generate(request(null)))
        .isInstanceOf(SpecException.class)
        .hasMessage("1 error in the spec:\nasg-kms.yaml: the spec is " + SPARSE_BYTES
            + " bytes; it may be at most 1048576 bytes (1 MiB)");
  }

  @Test
  void aSparseManifestOfGigabytesGivesTheSizeErrorNotOutOfMemory() throws Exception {
    Generator.generate(request(null));
    sparse(out.resolve(Manifest.FILE_NAME), SPARSE_BYTES);

    assertThatThrownBy(() -> Generator.generate(request(null)))
        .isInstanceOf(OutputConflictException.class)
        .hasMessageEndingWith("\n  .asg-kms-manifest: it is " + SPARSE_BYTES
            + " bytes; a manifest may be at most 67108864");
    assertThat(Generator.check(request(null)).differences()).contains(
        new Difference(Manifest.FILE_NAME, Difference.Kind.CHANGED, ""));
  }

  @Test
  void aCorruptStampIsIgnoredAndReplaced() throws Exception {
    Generator.generate(request(null));
    Files.write(stamp, new byte[] {(byte) 0xFF, (byte) 0xFE, 0, '\n', (byte) 0xC3});

    Generator.GenerateResult again = Generator.generate(request(null));

    assertThat(again.upToDate()).isFalse();
    assertThat(Stamp.read(stamp)).isNotNull();
    assertThat(Generator.generate(request(null)).upToDate()).isTrue();
  }

  @Test
  void everyIoErrorNamesTheFileTheOperationAndTheReason() throws Exception {
    Files.writeString(out, "a file where the output directory goes\n");
    assertThatThrownBy(() -> Generator.generate(request(null)))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot create the output directory " + out.toAbsolutePath()
            + ": something is already there");

    Path below = out.resolve("below");
    GenerateRequest underAFile = new GenerateRequest(spec, "asg-kms.yaml", below,
        EnumSet.of(Format.TERRAFORM), null, stamp, "1.0.0-test");
    assertThatThrownBy(() -> Generator.generate(underAFile))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot create the output directory " + below.toAbsolutePath()
            + ": Not a directory");

    Files.delete(out);
    Files.createDirectories(stamp);
    assertThatThrownBy(() -> Generator.generate(request(null)))
        .isInstanceOf(IOException.class)
        .hasMessage("cannot write " + stamp.toAbsolutePath() + ": Is a directory");
  }

  @Test
  void aSpecWithAHundredThousandErrorsReportsTheFirstHundredAndACount() throws Exception {
    StringBuilder text = new StringBuilder(SPEC);
    for (int i = 0; i < 100_000; i++) {
      text.append('z').append(Integer.toString(i, 36)).append(": 0\n");
    }
    Files.writeString(spec, text);

    SpecException e = catchThrowableOfType(SpecException.class,
        () -> Generator.generate(request(null)));

    assertThat(e.errors()).hasSize(100_000);
    assertThat(e.getMessage().lines()).hasSize(1 + 100 + 1);
    assertThat(e.getMessage()).startsWith("100000 errors in the spec:\n")
        .endsWith("\n... and 99900 more errors").hasSizeLessThan(40_000);
  }

  @Test
  void aNulByteIsLocatedAndNamed() throws Exception {
    Files.writeString(spec, SPEC + "# a comment\n# and another\n# and one more\n"
        + "# line 9: \0 here\n");

    assertThatThrownBy(() -> Generator.generate(request(null)))
        .isInstanceOf(SpecException.class)
        .hasMessage("1 error in the spec:\nasg-kms.yaml:9:11: (document): the character U+0000"
            + " (NUL) is not allowed in YAML; remove it");
  }

  @Test
  void aTemplateThatCallsItselfForEverIsATemplateErrorThatNamesIt() throws Exception {
    assertTemplateFails("[#macro again][@again/][/#macro][@again/]\n",
        "template terraform/versions.tf.ftl failed: it nests too deeply (a stack overflow): a"
            + " macro, function or include that calls itself without end?");
  }

  @Test
  void aTemplateThatWritesWithoutEndIsATemplateErrorThatNamesIt() throws Exception {
    assertTemplateFails("[#list 1.. as i]a line that never ends, again and again[/#list]\n",
        "template terraform/versions.tf.ftl failed: it wrote more than 33554432 characters for"
            + " one file: a list or loop without end?");
  }

  /** A user's versions.tf.ftl fails the run with {@code message}, and nothing is written. */
  private void assertTemplateFails(String template, String message) throws Exception {
    Path templates = Files.createDirectories(temp.resolve("templates/terraform"));
    Files.writeString(templates.resolve("versions.tf.ftl"), template);

    assertThatThrownBy(() -> Generator.generate(request(temp.resolve("templates"))))
        .isInstanceOf(RenderException.class).hasMessage(message);
    assertThat(out).doesNotExist();
  }

  @Test
  void theRootOfAFileSystemAndTheHomeFolderAreRefused() throws Exception {
    assertThatThrownBy(() -> new OutputDirectory(Path.of("/")).compare(List.of()))
        .isInstanceOf(IOException.class)
        .hasMessage("the output directory / is the root of a file system; give the plugin a"
            + " folder of its own");

    String home = System.getProperty("user.home");
    Path fakeHome = Files.createDirectories(temp.resolve("home"));
    System.setProperty("user.home", fakeHome.toString());
    try {
      GenerateRequest intoHome = new GenerateRequest(spec, "asg-kms.yaml", fakeHome,
          EnumSet.of(Format.TERRAFORM), null);
      assertThatThrownBy(() -> Generator.generate(intoHome))
          .isInstanceOf(IOException.class)
          .hasMessage("the output directory " + fakeHome + " is your home folder; give the"
              + " plugin a folder of its own");
      try (var entries = Files.list(fakeHome)) {
        assertThat(entries).isEmpty();
      }
    } finally {
      System.setProperty("user.home", home);
    }
  }
}
