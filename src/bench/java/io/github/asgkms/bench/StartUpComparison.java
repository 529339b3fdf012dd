package io.github.asgkms.bench;

import java.io.File;
import java.io.IOException;
import java.io.PrintStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a fresh JVM costs the plugin, split into the part no use of its libraries can avoid
 * and the plugin's own: {@code java} runs of {@link StartUp} doing nothing, starting Freemarker
 * and Jackson only, and generating the example spec, interleaved. A build's cold generation
 * pays both parts on top of Maven loading the plugin; this shows how much is the plugin's own.
 */
final class StartUpComparison {
  private static final List<String> MODES = List.of("jvm", "libraries", "generate");

  private StartUpComparison() {}

  static void run(Path pluginJar, Path spec, int runs, PrintStream out)
      throws IOException, InterruptedException {
    String classpath = Path.of(StartUp.class.getProtectionDomain().getCodeSource().getLocation()
        .getPath()) + File.pathSeparator + pluginJar;
    String java = Path.of(System.getProperty("java.home"), "bin", "java").toString();
    Path root = Files.createTempDirectory("asg-kms-start-up-bench");
    Map<String, BuildComparison.Samples> samples = new LinkedHashMap<>();
    for (String mode : MODES) {
      samples.put(mode, new BuildComparison.Samples(new ArrayList<>(), new ArrayList<>()));
    }
    out.println();
    out.println("Fresh JVM: " + runs + " runs of each, interleaved");
    try {
      for (int i = 0; i < runs; i++) {
        for (String mode : MODES) {
          Path output = root.resolve("out-" + i);
          List<String> command = List.of(java, "-cp", classpath, StartUp.class.getName(), mode,
              spec.toString(), output.toString());
          double cpuBefore = ChildCpu.seconds();
          long start = System.nanoTime();
          Process process = new ProcessBuilder(command).inheritIO().start();
          if (process.waitFor() != 0) {
            throw new IllegalStateException(String.join(" ", command) + " failed");
          }
          samples.get(mode).wall().add((System.nanoTime() - start) / 1e9);
          samples.get(mode).cpu().add(ChildCpu.seconds() - cpuBefore);
          BuildComparison.deleteRecursively(output);
        }
      }
    } finally {
      BuildComparison.deleteRecursively(root);
    }
    print(samples, out);
  }

  private static void print(Map<String, BuildComparison.Samples> samples, PrintStream out) {
    out.println();
    out.println("Fresh JVM, java -cp <plugin jar>: median seconds");
    out.printf("%-44s %8s %8s%n", "", "wall", "cpu");
    BuildComparison.Samples jvm = samples.get("jvm");
    BuildComparison.Samples libraries = samples.get("libraries");
    BuildComparison.Samples generate = samples.get("generate");
    row(out, "the JVM alone", jvm.wallMedian(), jvm.cpuMedian());
    row(out, "Freemarker and Jackson started, no more", libraries.wallMedian(),
        libraries.cpuMedian());
    row(out, "the example spec generated", generate.wallMedian(), generate.cpuMedian());
    row(out, "  of which the libraries' start-up", libraries.wallMedian() - jvm.wallMedian(),
        libraries.cpuMedian() - jvm.cpuMedian());
    row(out, "  of which the plugin's own work", generate.wallMedian() - libraries.wallMedian(),
        generate.cpuMedian() - libraries.cpuMedian());
  }

  private static void row(PrintStream out, String what, double wall, double cpu) {
    out.printf("%-44s %8.3f %8.3f%n", what, wall, cpu);
  }
}
