package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.ByteArrayOutputStream;
import java.io.File;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;
import javax.tools.JavaCompiler;
import javax.tools.ToolProvider;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The benchmark harness is built only by {@code src/bench/run}, so nothing else would notice
 * when a change to the plugin breaks it. This compiles it, against the plugin as it is now,
 * without running JMH's code generator: what a build can check without timing anything.
 */
class BenchSourcesTest {

  @Test
  void theBenchmarkHarnessCompilesAgainstThePlugin(@TempDir Path classes) throws Exception {
    List<String> sources;
    try (Stream<Path> files = Files.walk(Path.of("src/bench/java"))) {
      sources = files.filter(file -> file.toString().endsWith(".java"))
          .map(Path::toString).sorted().toList();
    }
    assertThat(sources).isNotEmpty();
    String classpath = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    JavaCompiler javac = ToolProvider.getSystemJavaCompiler();
    ByteArrayOutputStream diagnostics = new ByteArrayOutputStream();

    List<String> arguments = new ArrayList<>(List.of("--release", "17", "-proc:none",
        "-classpath", classpath, "-d", classes.toString()));
    arguments.addAll(sources);
    int exit = javac.run(null, diagnostics, diagnostics, arguments.toArray(String[]::new));

    assertThat(exit).as(diagnostics.toString(StandardCharsets.UTF_8)).isZero();
    assertThat(classes.resolve("io/github/asgkms/bench/Harness.class".replace('/',
        File.separatorChar))).exists();
  }
}
