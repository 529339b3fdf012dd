package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.render.Format;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * Each case under {@code src/test/resources/golden/<case>/} is a {@code spec.yaml}, the
 * formats it shows ({@link GoldenCases#formats}) and the exact files those formats produce
 * under {@code expected/}. Run with {@code -Dgolden.update=true} to rewrite the expected files,
 * then review the diff as code.
 */
class GoldenTest {
  private static final boolean UPDATE = Boolean.getBoolean("golden.update");

  static Stream<String> cases() throws Exception {
    return GoldenCases.names();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void rendersExactlyTheExpectedFiles(String name) throws Exception {
    Path expectedDir = GoldenCases.ROOT.resolve(name).resolve("expected");
    Map<String, String> actual = GoldenCases.render(name, GoldenCases.formats(name));
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

  /**
   * Some cases pin every format, so that each format's bytes are pinned, here and under the
   * Turkish locale, and the formats are seen to agree on one spec.
   */
  @Test
  void someCasesDeclareEveryFormat() throws Exception {
    List<String> everyFormat = new ArrayList<>();
    for (String name : GoldenCases.names().toList()) {
      if (GoldenCases.formats(name).equals(EnumSet.allOf(Format.class))) {
        everyFormat.add(name);
      }
    }
    assertThat(everyFormat).contains("article-cross-account", "mixed");
  }

  /**
   * No file's content depends on which other formats are generated: only on the spec. So the
   * files of the formats a case declares are the files those formats write in any company, and
   * this holds for every case, whatever it declares.
   */
  @ParameterizedTest
  @MethodSource("cases")
  void eachFormatAloneRendersTheSameFiles(String name) throws Exception {
    Set<Format> renderable = GoldenCases.renderableFormats(name);
    Map<String, String> all = GoldenCases.render(name, renderable);
    for (Format format : renderable) {
      Map<String, String> expected = new TreeMap<>(all);
      expected.keySet().removeIf(path -> !path.startsWith(format.id() + "/"));
      assertThat(GoldenCases.render(name, EnumSet.of(format))).as(format.id())
          .isEqualTo(expected);
    }
  }
}
