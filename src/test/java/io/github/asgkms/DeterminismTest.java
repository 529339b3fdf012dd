package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.output.GeneratedFile;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Map;
import java.util.TreeMap;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/**
 * A spec saved with CRLF line ends gives the golden bytes. Surefire also runs this and the
 * golden test under a Turkish locale and a Latin-1 default charset.
 */
class DeterminismTest {
  @TempDir Path temp;

  static java.util.stream.Stream<String> cases() throws Exception {
    return GoldenTest.cases();
  }

  @ParameterizedTest
  @MethodSource("cases")
  void aCrlfSpecGivesTheGoldenBytes(String name) throws Exception {
    String spec = Files.readString(GoldenTest.GOLDEN.resolve(name).resolve("spec.yaml"),
        StandardCharsets.UTF_8);
    Path crlf = Files.writeString(temp.resolve("spec.yaml"), spec.replace("\n", "\r\n"),
        StandardCharsets.UTF_8);
    GenerateRequest request = new GenerateRequest(crlf, "spec.yaml", temp.resolve("out"),
        GoldenTest.allFormats(), null);
    Map<String, String> actual = new TreeMap<>();
    for (GeneratedFile file : Generator.render(request).files()) {
      actual.put(file.path(), file.text());
    }
    assertThat(actual)
        .isEqualTo(TestFiles.readTree(GoldenTest.GOLDEN.resolve(name).resolve("expected")));
  }
}
