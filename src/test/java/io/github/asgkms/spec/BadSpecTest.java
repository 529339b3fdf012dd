package io.github.asgkms.spec;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;
import static org.assertj.core.api.Assertions.catchThrowableOfType;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.Generator;
import io.github.asgkms.render.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.FileTime;
import java.time.Instant;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Every way a spec can be wrong, with the exact lines the user sees.
 *
 * <p>Each case under {@code src/test/resources/bad/} is {@code <case>.yaml} and
 * {@code <case>.expected}: the error lines, one a line, in the order they are reported, for the
 * label {@code spec.yaml}. Run with {@code -Dbad.update=true} to rewrite the expected files, then
 * review the diff as code: each line must be accurate, well located and helpful. Cases that
 * cannot be a text file in the corpus (bad bytes, size, directories) are built here in code.
 */
class BadSpecTest {
  static final Path BAD = Path.of("src/test/resources/bad");
  private static final boolean UPDATE = Boolean.getBoolean("bad.update");
  private static final String LABEL = "spec.yaml";

  @TempDir Path dir;

  static Stream<String> cases() throws IOException {
    try (Stream<Path> files = Files.list(BAD)) {
      return files.map(p -> p.getFileName().toString())
          .filter(n -> n.endsWith(".yaml"))
          .map(n -> n.substring(0, n.length() - ".yaml".length()))
          .sorted().toList().stream();
    }
  }

  @ParameterizedTest(name = "{0}")
  @MethodSource("cases")
  void reportsExactlyTheExpectedErrors(String name) throws Exception {
    Path expectedFile = BAD.resolve(name + ".expected");
    List<String> actual = errorLines(BAD.resolve(name + ".yaml"));
    if (UPDATE) {
      Files.writeString(expectedFile, String.join("\n", actual) + "\n");
    }
    assertThat(expectedFile).as("expected errors of case %s", name).isRegularFile();
    String expected = Files.readString(expectedFile, StandardCharsets.UTF_8);
    assertThat(expected).as("%s ends with one line break", expectedFile).endsWith("\n")
        .doesNotEndWith("\n\n").doesNotContain("\r");
    assertThat(actual).isEqualTo(List.of(expected.split("\n")));
  }

  @Test
  void everyExpectedFileHasItsSpec() throws IOException {
    try (Stream<Path> files = Files.list(BAD)) {
      assertThat(files.map(p -> p.getFileName().toString()).filter(n -> n.endsWith(".expected")))
          .allSatisfy(n -> assertThat(BAD.resolve(n.replace(".expected", ".yaml"))).isRegularFile());
    }
  }

  @Test
  void reportsEveryErrorInOneExceptionInFileOrder() {
    SpecException e = catchThrowableOfType(SpecException.class,
        () -> SpecReader.read(BAD.resolve("several-errors.yaml"), LABEL));

    assertThat(e.errors()).hasSize(6);
    assertThat(e.errors()).extracting(SpecError::mark).isSorted();
    assertThat(e.errors()).extracting(SpecError::path).extracting(SpecPath::toString)
        .containsExactly("version", "autoScalingAccountId", "keys[0].name", "keys[0].arn",
            "keys[1].grantOperation", "grantCreator");
    assertThat(e.getMessage()).startsWith("6 errors in the spec:\n" + LABEL + ":1:10: version: ");
    assertThat(e.getMessage().lines().skip(1).toList())
        .isEqualTo(e.errors().stream().map(SpecError::toString).toList());
  }

  @Test
  void parseReportsTheSameAsRead() {
    SpecException e = catchThrowableOfType(SpecException.class,
        () -> SpecReader.parse("version: 2\n", "other.yaml"));

    assertThat(e.getMessage()).isEqualTo("""
        3 errors in the spec:
        other.yaml:1:1: autoScalingAccountId: missing required property 'autoScalingAccountId'
        other.yaml:1:1: keys: missing required property 'keys'
        other.yaml:1:10: version: unsupported version 2; the only version is 1""");
  }

  @Test
  void locatesAnInvalidUtf8ByteByLineAndCharacterColumn() throws IOException {
    Path file = dir.resolve("spec.yaml");
    // "é" in UTF-8 before the bad byte: columns count characters, not bytes.
    byte[] head = ("version: 1\nautoScalingAccountId: \"111122223333\"\n# café\nkeys:\n"
        + "  - name: caf").getBytes(StandardCharsets.UTF_8);
    byte[] tail = ("\n    arn: " + SpecReaderTest.ARN + "\n").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(head, head.length + 1 + tail.length);
    bytes[head.length] = (byte) 0xE9; // é in Latin-1
    System.arraycopy(tail, 0, bytes, head.length + 1, tail.length);
    Files.write(file, bytes);

    assertThat(errorLines(file)).containsExactly(
        "spec.yaml:5:14: (document): not valid UTF-8: byte 0xE9; save the spec as UTF-8");
  }

  @Test
  void locatesATruncatedUtf8SequenceAtTheEndOfTheFile() throws IOException {
    Path file = dir.resolve("spec.yaml");
    byte[] text = SpecReaderTest.minimal("\"111122223333\"").getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(text, text.length + 1);
    bytes[text.length] = (byte) 0xC3; // the first byte of a two-byte sequence, and nothing after
    Files.write(file, bytes);

    assertThat(errorLines(file)).containsExactly(
        "spec.yaml:6:1: (document): not valid UTF-8: byte 0xC3; save the spec as UTF-8");
  }

  @Test
  void refusesAFileOverOneMebibyte() throws IOException {
    Path file = dir.resolve("spec.yaml");
    byte[] bytes = new byte[SpecReader.MAX_BYTES + 1];
    Arrays.fill(bytes, (byte) '#');
    Files.write(file, bytes);

    assertThat(errorLines(file)).containsExactly(
        "spec.yaml: the spec is 1048577 bytes; it may be at most 1048576 bytes (1 MiB)");
  }

  @Test
  void refusesADirectory() throws IOException {
    Path sub = Files.createDirectory(dir.resolve("spec.yaml"));

    assertThat(errorLines(sub)).containsExactly("spec.yaml: the spec is a directory, not a file");
  }

  @Test
  void reportsAFileThatCannotBeRead() throws IOException {
    // Root reads every file, so an unreadable spec is made the portable way: a path that runs
    // through a regular file.
    Path notADirectory = Files.writeString(dir.resolve("file"), "x");
    assertThat(errorLines(notADirectory.resolve("spec.yaml")))
        .singleElement(org.assertj.core.api.InstanceOfAssertFactories.STRING)
        .startsWith("spec.yaml: the spec cannot be read: ");
  }

  @Test
  void reportsAMissingFile() throws IOException {
    SpecException e = catchThrowableOfType(SpecException.class,
        () -> SpecReader.read(dir.resolve("nowhere.yaml"), "src/main/asg-kms/spec.yaml"));

    assertThat(e.getMessage())
        .isEqualTo("1 error in the spec:\nsrc/main/asg-kms/spec.yaml: spec file not found");
    assertThat(e.errors()).singleElement().satisfies(error -> {
      assertThat(error.mark()).isNull();
      assertThat(error.file()).isEqualTo("src/main/asg-kms/spec.yaml");
    });
  }

  @Test
  void locatesErrorsInACrlfSpecByItsLines() throws IOException {
    Path file = dir.resolve("spec.yaml");
    Files.writeString(file, """
        version: 1\r
        autoScalingAccountId: "111122223333"\r
        keys:\r
          - name: ebs\r
            arn: arn:aws:kms:us-west-2:444455556666:alias/ebs\r
        """);

    assertThat(errorLines(file)).containsExactly("spec.yaml:5:10: keys[0].arn: an alias ARN is not"
        + " accepted: name the key by its key ARN (arn:...:key/<key id>); an alias can be moved"
        + " to another key, and CreateGrant and IAM policies need the key ARN");
  }

  @Test
  void locatesErrorsInABomPrefixedSpecAsAnEditorShowsThem() throws IOException {
    Path file = dir.resolve("spec.yaml");
    byte[] bom = {(byte) 0xEF, (byte) 0xBB, (byte) 0xBF};
    byte[] text = "version: 2\n".getBytes(StandardCharsets.UTF_8);
    byte[] bytes = Arrays.copyOf(bom, bom.length + text.length);
    System.arraycopy(text, 0, bytes, bom.length, text.length);
    Files.write(file, bytes);

    assertThat(errorLines(file)).containsExactly(
        "spec.yaml:1:1: autoScalingAccountId: missing required property 'autoScalingAccountId'",
        "spec.yaml:1:1: keys: missing required property 'keys'",
        "spec.yaml:1:10: version: unsupported version 2; the only version is 1");
  }

  /**
   * importServiceLinkedRoles is valid in the spec, but not when the cloudformation format is
   * generated: the request's formats make it an error, located like the spec's own, reported
   * by generate and check alike, before anything is written.
   */
  @Test
  void refusesImportServiceLinkedRolesWhenTheCloudFormationFormatIsGenerated() throws Exception {
    String text = SpecReaderTest.minimal("\"111122223333\"")
        + "launchers: [autoscaling, ec2-fleet]\nimportServiceLinkedRoles: true\n";
    Path file = Files.writeString(dir.resolve("spec.yaml"), text);
    assertThat(SpecReader.parse(text, LABEL).importServiceLinkedRoles()).isTrue();
    String error = "spec.yaml:7:1: importServiceLinkedRoles: a CloudFormation template cannot"
        + " import a service-linked role; the cloudformation format is generated, so leave"
        + " importServiceLinkedRoles out, or generate cloudformation from a spec without it";

    SpecException e = refusal(file, EnumSet.of(Format.TERRAFORM, Format.CLOUDFORMATION));
    assertThat(e.getMessage()).isEqualTo("1 error in the spec:\n" + error);
    assertThat(errorLines(file, EnumSet.of(Format.CLOUDFORMATION))).containsExactly(error);

    Path out = previousGoodOutput();
    Map<String, Snapshot> before = snapshot(out);
    assertThatThrownBy(() -> Generator.check(new GenerateRequest(file, LABEL, out,
        EnumSet.of(Format.CLOUDFORMATION), null)))
        .isInstanceOf(SpecException.class).hasMessage("1 error in the spec:\n" + error);
    assertThat(snapshot(out)).isEqualTo(before);
  }

  /**
   * A suffix with an underscore is a valid IAM suffix, but the Terraform AWS provider reads it
   * back wrong from the role's name and would replace the role: refused with the terraform
   * format when Terraform creates or adopts the role, and only then.
   */
  @Test
  void refusesASuffixWithAnUnderscoreWhenTerraformCreatesTheRole() throws Exception {
    String text = SpecReaderTest.minimal("\"111122223333\"")
        + "serviceLinkedRoleSuffix: web_a\ncreateServiceLinkedRole: true\n";
    Path file = Files.writeString(dir.resolve("spec.yaml"), text);
    String error = "spec.yaml:6:26: serviceLinkedRoleSuffix: the Terraform AWS provider reads a"
        + " service-linked role's suffix back from its name as what follows the name's only"
        + " underscore, so it would read none from AWSServiceRoleForAutoScaling_web_a and"
        + " replace the role on every apply; with createServiceLinkedRole and the terraform"
        + " format, use a suffix without _";

    assertThat(errorLines(file, EnumSet.of(Format.TERRAFORM))).containsExactly(error);
    Path out = previousGoodOutput();
    Map<String, Snapshot> before = snapshot(out);
    assertThatThrownBy(() -> Generator.generate(new GenerateRequest(file, LABEL, out,
        EnumSet.of(Format.TERRAFORM, Format.JSON), null)))
        .isInstanceOf(SpecException.class).hasMessage("1 error in the spec:\n" + error);
    assertThat(snapshot(out)).isEqualTo(before);
    // CloudFormation creates it by its own handler, and the CLI creates nothing.
    Generator.generate(new GenerateRequest(file, LABEL, dir.resolve("without-terraform"),
        EnumSet.of(Format.CLOUDFORMATION, Format.JSON), null));
  }

  /** A path's content (files only) and modification time. */
  private record Snapshot(String kind, List<Byte> content, FileTime modified) {}

  private static Map<String, Snapshot> snapshot(Path root) throws IOException {
    Map<String, Snapshot> snapshot = new TreeMap<>();
    try (Stream<Path> paths = Files.walk(root)) {
      for (Path path : paths.toList()) {
        String relative = root.relativize(path).toString().replace('\\', '/');
        boolean file = Files.isRegularFile(path);
        List<Byte> content = List.of();
        if (file) {
          byte[] bytes = Files.readAllBytes(path);
          Byte[] boxed = new Byte[bytes.length];
          for (int i = 0; i < bytes.length; i++) {
            boxed[i] = bytes[i];
          }
          content = List.of(boxed);
        }
        snapshot.put(relative, new Snapshot(file ? "file" : "directory", content,
            Files.getLastModifiedTime(path)));
      }
    }
    return snapshot;
  }

  /**
   * The error lines for {@code spec}, run through the whole generator over an output directory
   * that holds a previous good output: that output must come through byte for byte, with its
   * modification times.
   */
  private List<String> errorLines(Path spec) throws IOException {
    return errorLines(spec, EnumSet.of(Format.TERRAFORM, Format.JSON));
  }

  /** As {@link #errorLines(Path)}, generating {@code formats}. */
  private List<String> errorLines(Path spec, Set<Format> formats) throws IOException {
    return refusal(spec, formats).errors().stream().map(SpecError::toString).toList();
  }

  private SpecException refusal(Path spec, Set<Format> formats) throws IOException {
    Path out = previousGoodOutput();
    Map<String, Snapshot> before = snapshot(out);
    SpecException e = catchThrowableOfType(SpecException.class, () -> Generator.generate(
        new GenerateRequest(spec, LABEL, out, formats, null)));
    assertThat(e).as("%s must be refused", spec).isNotNull();
    assertThat(snapshot(out)).as("the previous output is untouched").isEqualTo(before);
    return e;
  }

  private Path previousGoodOutput() throws IOException {
    Path out = dir.resolve("previous-output");
    if (Files.isDirectory(out)) {
      return out;
    }
    Path good = Files.writeString(dir.resolve("good.yaml"), SpecReaderTest.minimal(
        "\"111122223333\"") + "grantCreator:\n  roleName: deployer\n");
    try {
      Generator.generate(new GenerateRequest(good, LABEL, out,
          EnumSet.of(Format.TERRAFORM, Format.JSON), null));
    } catch (SpecException | io.github.asgkms.render.RenderException e) {
      throw new IllegalStateException(e);
    }
    // Old times, so that a rewrite shows even on a file system with coarse timestamps.
    FileTime old = FileTime.from(Instant.parse("2020-01-02T03:04:05Z"));
    try (Stream<Path> paths = Files.walk(out)) {
      for (Path path : paths.toList()) {
        Files.setLastModifiedTime(path, old);
      }
    }
    return out;
  }
}
