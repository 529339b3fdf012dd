package io.github.asgkms.bench;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.Collections;
import java.util.jar.Attributes;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.jar.JarOutputStream;
import java.util.jar.Manifest;

/**
 * A Maven plugin that only starts Freemarker and Jackson, installed into the harness's
 * repository: the floor a generating build is held to. Its jar carries the same libraries as
 * the plugin's, copied from the plugin's jar, and its POM lists no dependencies either, so
 * Maven loads the two alike; in place of the plugin's classes and templates it has
 * {@link ReferenceMojo} and a hand-written descriptor.
 */
final class ReferencePlugin {
  static final String GROUP_ID = "bench";
  static final String ARTIFACT_ID = "asg-kms-reference-maven-plugin";
  static final String VERSION = "1";
  static final String GOAL = "start";
  /** What the plugin's jar holds besides the libraries. */
  private static final List<String> PLUGIN_OWN = List.of("io/", "templates/", "schema/",
      "access/", "META-INF/maven/", "META-INF/m2e/", "META-INF/MANIFEST.MF");
  private static final List<Class<?>> CLASSES = List.of(ReferenceMojo.class,
      LibrariesStart.class);

  private static final String POM = """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>%s</groupId>
        <artifactId>%s</artifactId>
        <version>%s</version>
        <packaging>maven-plugin</packaging>
      </project>
      """.formatted(GROUP_ID, ARTIFACT_ID, VERSION);
  private static final String DESCRIPTOR = """
      <?xml version="1.0" encoding="UTF-8"?>
      <plugin>
        <name>%2$s</name>
        <groupId>%1$s</groupId>
        <artifactId>%2$s</artifactId>
        <version>%3$s</version>
        <goalPrefix>asg-kms-reference</goalPrefix>
        <isolatedRealm>false</isolatedRealm>
        <inheritedByDefault>true</inheritedByDefault>
        <mojos>
          <mojo>
            <goal>%4$s</goal>
            <requiresProject>true</requiresProject>
            <phase>generate-sources</phase>
            <implementation>%5$s</implementation>
            <language>java</language>
            <instantiationStrategy>per-lookup</instantiationStrategy>
            <executionStrategy>once-per-session</executionStrategy>
            <threadSafe>true</threadSafe>
            <parameters/>
          </mojo>
        </mojos>
        <dependencies/>
      </plugin>
      """.formatted(GROUP_ID, ARTIFACT_ID, VERSION, GOAL, ReferenceMojo.class.getName());

  private ReferencePlugin() {}

  /** Writes the plugin's jar and POM into {@code repository}, a Maven local repository. */
  static void install(Path pluginJar, Path repository) throws IOException {
    Path folder = Files.createDirectories(repository.resolve(GROUP_ID.replace('.', '/'))
        .resolve(ARTIFACT_ID).resolve(VERSION));
    String base = ARTIFACT_ID + "-" + VERSION;
    Files.writeString(folder.resolve(base + ".pom"), POM);
    try (JarFile libraries = new JarFile(pluginJar.toFile());
        JarOutputStream jar = new JarOutputStream(
            Files.newOutputStream(folder.resolve(base + ".jar")), manifest())) {
      for (JarEntry entry : Collections.list(libraries.entries())) {
        if (entry.isDirectory() || isPluginOwn(entry.getName())) {
          continue;
        }
        try (InputStream in = libraries.getInputStream(entry)) {
          add(jar, entry.getName(), in.readAllBytes());
        }
      }
      for (Class<?> type : CLASSES) {
        String name = type.getName().replace('.', '/') + ".class";
        try (InputStream in = type.getClassLoader().getResourceAsStream(name)) {
          add(jar, name, in.readAllBytes());
        }
      }
      add(jar, "META-INF/maven/plugin.xml", DESCRIPTOR.getBytes(StandardCharsets.UTF_8));
    }
  }

  /** Multi-release, as the plugin's: Freemarker and jackson-core hold classes for newer JDKs. */
  private static Manifest manifest() {
    Manifest manifest = new Manifest();
    manifest.getMainAttributes().put(Attributes.Name.MANIFEST_VERSION, "1.0");
    manifest.getMainAttributes().put(Attributes.Name.MULTI_RELEASE, "true");
    return manifest;
  }

  private static boolean isPluginOwn(String name) {
    for (String prefix : PLUGIN_OWN) {
      if (name.startsWith(prefix)) {
        return true;
      }
    }
    return false;
  }

  private static void add(JarOutputStream jar, String name, byte[] bytes) throws IOException {
    jar.putNextEntry(new JarEntry(name));
    jar.write(bytes);
    jar.closeEntry();
  }
}
