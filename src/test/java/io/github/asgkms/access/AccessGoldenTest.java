package io.github.asgkms.access;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.GenerateRequest;
import io.github.asgkms.Generator;
import io.github.asgkms.render.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.stream.Stream;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.MethodSource;

/** Every sequence succeeds, and every probe holds, on every golden case, in every format. */
class AccessGoldenTest {
  static final Path GOLDEN = Path.of("src/test/resources/golden");

  static Stream<String> cases() throws IOException {
    try (Stream<Path> dirs = Files.list(GOLDEN)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
          .toList().stream();
    }
  }

  /**
   * The formats the access model checks a case in: every format the spec can be rendered in,
   * whatever the case shows, so that each spec is checked everywhere.
   */
  static java.util.Set<Format> formats(String name) throws Exception {
    return io.github.asgkms.GoldenCases.renderableFormats(name);
  }

  static Generator.Rendering render(String name) throws Exception {
    Path dir = GOLDEN.resolve(name);
    return Generator.render(new GenerateRequest(dir.resolve("spec.yaml"), "spec.yaml",
        dir.resolve("unused-output"), formats(name), null));
  }

  @ParameterizedTest
  @MethodSource("cases")
  void everyConsumerCallIsAllowedAndNothingMore(String name) throws Exception {
    Generator.Rendering rendering = render(name);
    AccessReport report = AccessCheck.check(rendering.plan(), rendering.files(),
        formats(name));
    report.findings().forEach(f -> System.out.println("FINDING " + name + " " + f.message()));
    report.notes().forEach(f -> System.out.println("NOTE " + name + " " + f));
    assertThat(report.findings()).extracting(AccessFinding::message).isEmpty();
    assertThat(report.notes()).isEmpty();
  }
}
