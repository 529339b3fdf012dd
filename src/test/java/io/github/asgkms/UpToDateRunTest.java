package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import io.github.asgkms.render.Format;
import java.io.File;
import java.net.URL;
import java.net.URLClassLoader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Most builds are up to date, so that run must cost little more than reading a few files: it
 * hashes raw bytes and never loads the YAML parser or the template engine. It is run here in
 * a class loader of its own that records every class it loads.
 */
class UpToDateRunTest {
  private static final List<String> HEAVY = List.of("freemarker.", "com.fasterxml.jackson.",
      "org.yaml.snakeyaml.");

  @TempDir Path temp;

  @Test
  void anUpToDateRunLoadsNeitherTheYamlParserNorTheTemplateEngine() throws Exception {
    Path spec = Files.writeString(temp.resolve("asg-kms.yaml"), """
        version: 1
        autoScalingAccountId: "111122223333"
        keys:
          - name: remote
            arn: arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d
        """);
    assertThat(Run.generate(spec, temp)).isFalse();

    try (RecordingClassLoader loader = new RecordingClassLoader(classpath())) {
      Object upToDate = loader.loadClass(Run.class.getName())
          .getMethod("generate", Path.class, Path.class).invoke(null, spec, temp);

      assertThat(upToDate).isEqualTo(true);
      assertThat(loader.loaded).contains(Generator.class.getName());
      assertThat(loader.loaded).noneMatch(name -> HEAVY.stream().anyMatch(name::startsWith));
    }
  }

  /** A run of the generator, loaded by whichever class loader loads this class. */
  public static final class Run {
    private Run() {}

    /** Generates; returns whether the run found everything up to date. */
    public static boolean generate(Path spec, Path dir) throws Exception {
      return Generator.generate(new GenerateRequest(spec, "asg-kms.yaml", dir.resolve("out"),
          EnumSet.of(Format.TERRAFORM, Format.JSON), null, dir.resolve("asg-kms.stamp"),
          "1.0.0-test")).upToDate();
    }
  }

  /** The test's classpath as Surefire gives it, or the JVM's. */
  private static URL[] classpath() throws Exception {
    String path = System.getProperty("surefire.test.class.path",
        System.getProperty("java.class.path"));
    List<URL> urls = new ArrayList<>();
    for (String entry : path.split(File.pathSeparator)) {
      if (!entry.isEmpty()) {
        urls.add(Path.of(entry).toUri().toURL());
      }
    }
    return urls.toArray(URL[]::new);
  }

  /** Loads every class but the JDK's itself, and remembers their names. */
  private static final class RecordingClassLoader extends URLClassLoader {
    final Set<String> loaded = ConcurrentHashMap.newKeySet();

    RecordingClassLoader(URL[] urls) {
      super(urls, ClassLoader.getPlatformClassLoader());
    }

    @Override
    protected Class<?> findClass(String name) throws ClassNotFoundException {
      loaded.add(name);
      return super.findClass(name);
    }
  }
}
