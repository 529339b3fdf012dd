package io.github.asgkms;

import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.render.Format;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.stream.Stream;

/**
 * The golden cases: each folder under {@code src/test/resources/golden/} holds a {@code
 * spec.yaml}, a {@code formats} file naming the formats the case shows, and under {@code
 * expected/} the exact files of those formats. A case pins only what it shows, so that a change
 * to one format's header rewrites the cases that show that format, not every case.
 *
 * <p>The tests that run real tools over the output read {@link #everyFormat()}, every case
 * rendered in every format, so what a case leaves out of its expected files is still parsed,
 * linted and run.
 */
public final class GoldenCases {
  public static final Path ROOT = Path.of("src/test/resources/golden");

  /** Where {@link #everyFormat()} renders: under target/, so a failing tool's path is there. */
  private static final Path EVERY_FORMAT = Path.of("target/golden-every-format");

  private static boolean rendered;

  private GoldenCases() {}

  /** The case names, sorted. */
  public static Stream<String> names() throws IOException {
    try (Stream<Path> dirs = Files.list(ROOT)) {
      return dirs.filter(Files::isDirectory).map(p -> p.getFileName().toString()).sorted()
          .toList().stream();
    }
  }

  /**
   * The formats a case declares in its {@code formats} file: format ids separated by spaces or
   * lines, and lines starting with {@code #} that say why.
   */
  public static Set<Format> formats(String name) throws IOException {
    Path file = ROOT.resolve(name).resolve("formats");
    if (!Files.isRegularFile(file)) {
      throw new IllegalStateException(file + " is missing: name the formats the case shows ("
          + Format.ids() + ")");
    }
    Set<Format> formats = EnumSet.noneOf(Format.class);
    for (String line : Files.readAllLines(file, StandardCharsets.UTF_8)) {
      if (line.startsWith("#")) {
        continue;
      }
      for (String id : line.trim().split("\\s+")) {
        if (!id.isEmpty()) {
          formats.add(Format.fromId(id).orElseThrow(() -> new IllegalStateException(
              file + ": no format '" + id + "'; the formats are " + Format.ids())));
        }
      }
    }
    if (formats.isEmpty()) {
      throw new IllegalStateException(file + " names no format (" + Format.ids() + ")");
    }
    return formats;
  }

  /** The case rendered in the given formats, by path under the output directory. */
  public static Map<String, String> render(String name, Set<Format> formats) throws Exception {
    return render(ROOT.resolve(name).resolve("spec.yaml"), formats);
  }

  /** A spec rendered in the given formats, as a golden case is, by path. */
  public static Map<String, String> render(Path spec, Set<Format> formats) throws Exception {
    Map<String, String> files = new TreeMap<>();
    for (GeneratedFile file : Generator.render(new GenerateRequest(spec, "spec.yaml",
        spec.resolveSibling("unused-output"), formats, null)).files()) {
      files.put(file.path(), file.text());
    }
    return files;
  }

  /**
   * The formats a case's spec can be rendered in: every format, but CloudFormation for a spec
   * that adopts the service-linked roles by import, which the generator refuses there.
   */
  public static Set<Format> renderableFormats(String name) throws Exception {
    Set<Format> formats = EnumSet.allOf(Format.class);
    if (io.github.asgkms.spec.SpecReader.read(ROOT.resolve(name).resolve("spec.yaml"),
        "spec.yaml").importServiceLinkedRoles()) {
      formats.remove(Format.CLOUDFORMATION);
    }
    return formats;
  }

  /** The cases whose spec can be rendered in every format. */
  public static Stream<String> namesInEveryFormat() throws IOException {
    return names().filter(name -> {
      try {
        return renderableFormats(name).equals(EnumSet.allOf(Format.class));
      } catch (Exception e) {
        throw new IllegalStateException(name, e);
      }
    });
  }

  /**
   * Every case rendered in every format it can be rendered in ({@link #renderableFormats}), laid out as the golden cases are ({@code
   * <case>/spec.yaml} and {@code <case>/expected/**}), once per test JVM. GoldenTest shows that
   * these are the golden files wherever a case declares the format.
   */
  public static synchronized Path everyFormat() throws Exception {
    if (!rendered) {
      TestFiles.deleteRecursively(EVERY_FORMAT);
      for (String name : names().toList()) {
        Path dir = EVERY_FORMAT.resolve(name);
        Files.createDirectories(dir);
        Files.copy(ROOT.resolve(name).resolve("spec.yaml"), dir.resolve("spec.yaml"));
        for (Map.Entry<String, String> file
            : render(name, renderableFormats(name)).entrySet()) {
          Path target = dir.resolve("expected").resolve(file.getKey());
          Files.createDirectories(target.getParent());
          Files.writeString(target, file.getValue(), StandardCharsets.UTF_8);
        }
      }
      rendered = true;
    }
    return EVERY_FORMAT;
  }
}
