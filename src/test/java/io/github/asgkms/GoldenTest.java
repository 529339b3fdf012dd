package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.render.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Arrays;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.TreeMap;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case under {@code src/test/resources/golden/<case>/} is a {@code spec.yaml} and the
 * exact files it must produce under {@code expected/}. Run with {@code -Dgolden.update=true}
 * to rewrite the expected files, then review the diff as code.
 */
class GoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
          .toList().stream();
    }
  }

  /** Every format this build can render. */
  static EnumSet<Format> allFormats() {
    return Arrays.stream(Format.values())
        .collect(Collectors.toCollection(() -> EnumSet.noneOf(Format.class)));
  }

  static List<GeneratedFile> render(String name) throws Exception {
    Path dir = GOLDEN.resolve(name);
    GenerateRequest request = new GenerateRequest(dir.resolve("spec.yaml"), "spec.yaml",
        dir.resolve("unused-output"), allFormats(), null);
    return Generator.render(request).files();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void rendersExactlyTheExpectedFiles(String name) throws Exception {
    Path expectedDir = GOLDEN.resolve(name).resolve("expected");
    Map<String, String> actual = new TreeMap<>();
    for (GeneratedFile file : render(name)) {
      actual.put(file.path(), file.text());
    }
    if (UPDATE) {
      TestFiles.deleteRecursively(expectedDir);
      for (Map.Entry<String, String> file : actual.entrySet()) {
        Path target = expectedDir.resolve(file.getKey());
        Files.createDirectories(target.getParent());
        Files.writeString(target, file.getValue());
      }
    }
    assertThat(actual).isEqualTo(TestFiles.readTree(expectedDir));
  }

  /** No file's content depends on which other formats are generated: only on the spec. */
  @ParameterizedTest
  @MethodSource("cases")
  void eachFormatAloneRendersTheSameFiles(String name) throws Exception {
    Map<String, String> all = new TreeMap<>();
    for (GeneratedFile file : render(name)) {
      all.put(file.path(), file.text());
    }
    Path dir = GOLDEN.resolve(name);
    for (Format format : Format.values()) {
      Map<String, String> alone = new TreeMap<>();
      for (GeneratedFile file : Generator.render(new GenerateRequest(dir.resolve("spec.yaml"),
          "spec.yaml", dir.resolve("unused-output"), EnumSet.of(format), null)).files()) {
        alone.put(file.path(), file.text());
      }
      Map<String, String> expected = new TreeMap<>(all);
      expected.keySet().removeIf(path -> !path.startsWith(format.id() + "/"));
      assertThat(alone).as(format.id()).isEqualTo(expected);
    }
  }
}
