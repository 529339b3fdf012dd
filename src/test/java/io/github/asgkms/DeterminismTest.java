package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.render.Format;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A spec saved with CRLF line ends gives the golden bytes, and in the formats a case does not
 * declare, the bytes of its LF spec. Surefire also runs this and the golden test under a
 * Turkish locale and a Latin-1 default charset.
 */
class DeterminismTest {
  @TempDir Path temp;

  static Stream<String> cases() throws Exception {
    return GoldenCases.names();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aCrlfSpecGivesTheGoldenBytes(String name) throws Exception {
    Path lf = GoldenCases.ROOT.resolve(name).resolve("spec.yaml");
    String spec = Files.readString(lf, StandardCharsets.UTF_8);
    Path crlf = Files.writeString(temp.resolve("spec.yaml"), spec.replace("\n", "\r\n"),
        StandardCharsets.UTF_8);
    Set<Format> renderable = GoldenCases.renderableFormats(name);
    Map<String, String> actual = GoldenCases.render(crlf, renderable);
    assertThat(actual).isEqualTo(GoldenCases.render(lf, renderable));

    Set<Format> formats = GoldenCases.formats(name);
    Map<String, String> declared = new TreeMap<>(actual);
    declared.keySet().removeIf(path -> formats.stream()
        .noneMatch(format -> path.startsWith(format.id() + "/")));
    assertThat(declared)
        .isEqualTo(TestFiles.readTree(GoldenCases.ROOT.resolve(name).resolve("expected")));
  }
}
