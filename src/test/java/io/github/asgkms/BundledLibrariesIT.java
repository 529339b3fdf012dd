package io.github.asgkms;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;

/**
 * The plugin jar bundles its libraries, and its published POM lists none, so the attached
 * CycloneDX SBOM is what tells a dependency scanner what is inside. Run by failsafe after
 * {@code package}: every class in the jar that is not the plugin's own must come from a
 * library the SBOM names, and every library the SBOM names must be in the jar.
 */
class BundledLibrariesIT {
  private static final String OWN_PACKAGE = "io/github/asgkms/";

  private static List<JsonNode> libraries;
  private static Set<String> bundledClasses;

  @BeforeAll
  static void readJarAndSbom() throws IOException {
    JsonNode sbom = new ObjectMapper().readTree(Path.of(property("plugin.sbom")).toFile());
    libraries = new ArrayList<>();
    sbom.path("components").forEach(component -> {
      if ("library".equals(component.path("type").asText())) {
        libraries.add(component);
      }
    });
    bundledClasses = classes(Path.of(property("plugin.jar")));
    bundledClasses.removeIf(name -> name.startsWith(OWN_PACKAGE)
        || name.matches("META-INF/versions/\\d+/" + OWN_PACKAGE + ".*"));
  }

  @Test
  void everyBundledClassComesFromALibraryTheSbomNames() throws IOException {
    Set<String> unaccounted = new TreeSet<>(bundledClasses);
    for (JsonNode library : libraries) {
      unaccounted.removeAll(classes(jarOf(library)));
    }
    Map<String, Integer> byPackage = new TreeMap<>();
    unaccounted.forEach(name -> byPackage.merge(
        name.substring(0, Math.max(0, name.lastIndexOf('/'))), 1, Integer::sum));
    assertThat(byPackage).as("packages bundled in the jar that no SBOM component provides")
        .isEmpty();
  }

  @Test
  void everyLibraryTheSbomNamesIsBundled() throws IOException {
    assertThat(libraries).as("SBOM libraries").isNotEmpty();
    for (JsonNode library : libraries) {
      Set<String> provided = classes(jarOf(library));
      provided.retainAll(bundledClasses);
      assertThat(provided).as("classes of %s in the plugin jar", coordinates(library))
          .isNotEmpty();
    }
  }

  @Test
  void theReadmeListsEachBundledLibraryAndVersion() throws IOException {
    String readme = Files.readString(Path.of("README.md"));
    for (JsonNode library : libraries) {
      String entry = "`" + library.path("group").asText() + ":" + library.path("name").asText()
          + "` " + library.path("version").asText();
      assertThat(readme).as("README lists %s", coordinates(library)).contains(entry);
    }
  }

  private static Path jarOf(JsonNode library) {
    String group = library.path("group").asText();
    String name = library.path("name").asText();
    String version = library.path("version").asText();
    return Path.of(property("maven.repo.local"), group.split("\\."))
        .resolve(name).resolve(version).resolve(name + "-" + version + ".jar");
  }

  private static String coordinates(JsonNode library) {
    return library.path("group").asText() + ":" + library.path("name").asText() + ":"
        + library.path("version").asText();
  }

  /** The class files of a jar, multi-release ones included, by entry name. */
  private static Set<String> classes(Path jar) throws IOException {
    Set<String> names = new TreeSet<>();
    try (JarFile file = new JarFile(jar.toFile())) {
      for (JarEntry entry : java.util.Collections.list(file.entries())) {
        if (entry.getName().endsWith(".class") && !entry.getName().endsWith("module-info.class")) {
          names.add(entry.getName());
        }
      }
    }
    return names;
  }

  private static String property(String name) {
    String value = System.getProperty(name);
    assertThat(value).as("system property %s, set by the POM's failsafe configuration", name)
        .isNotBlank();
    return value;
  }
}
