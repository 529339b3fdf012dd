package io.github.asgkms.render;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

class FormatTest {
  /**
   * The stamp hashes the templates the formats declare, so a template file no format declares
   * could change without the next build noticing.
   */
  @Test
  void theFormatsDeclareEveryBuiltInTemplate() throws Exception {
    Path root = Path.of("templates");
    try (Stream<Path> files = Files.walk(root)) {
      assertThat(Format.builtInTemplates()).containsExactlyElementsOf(
          files.filter(Files::isRegularFile)
              .map(file -> root.relativize(file).toString().replace('\\', '/'))
              .sorted().toList());
    }
  }
}
