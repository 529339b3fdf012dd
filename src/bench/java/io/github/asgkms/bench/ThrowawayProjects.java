package io.github.asgkms.bench;

import io.github.asgkms.render.Format;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.stream.Collectors;

/**
 * Small pom-packaged projects that differ only in their plugins: {@code with} binds
 * {@code generate} for every available format, {@code without} is the same project bare,
 * {@code libraries} binds the reference plugin ({@link ReferencePlugin}), which only starts
 * Freemarker and Jackson, and {@code cleanSkipped} binds Apache's maven-clean-plugin, skipped:
 * what Maven charges for loading a plugin that does nothing, whoever wrote it.
 * All hold the same spec, and all build from the harness's own local repository, so nothing
 * another build installs can change what is measured.
 */
final class ThrowawayProjects {
  private static final String POM = """
      <?xml version="1.0" encoding="UTF-8"?>
      <project xmlns="http://maven.apache.org/POM/4.0.0">
        <modelVersion>4.0.0</modelVersion>
        <groupId>bench</groupId>
        <artifactId>%s</artifactId>
        <version>1</version>
        <packaging>pom</packaging>
      %s</project>
      """;
  private static final String PLUGIN = """
        <build>
          <plugins>
            <plugin>
              <groupId>io.github.asgkms</groupId>
              <artifactId>asg-kms-maven-plugin</artifactId>
              <version>%s</version>
              <executions>
                <execution>
                  <goals>
                    <goal>generate</goal>
                  </goals>
                  <configuration>
                    <formats>%s</formats>
                  </configuration>
                </execution>
              </executions>
            </plugin>
          </plugins>
        </build>
      """;
  private static final String LIBRARIES_PLUGIN = """
        <build>
          <plugins>
            <plugin>
              <groupId>%s</groupId>
              <artifactId>%s</artifactId>
              <version>%s</version>
              <executions>
                <execution>
                  <goals>
                    <goal>%s</goal>
                  </goals>
                </execution>
              </executions>
            </plugin>
          </plugins>
        </build>
      """.formatted(ReferencePlugin.GROUP_ID, ReferencePlugin.ARTIFACT_ID,
          ReferencePlugin.VERSION, ReferencePlugin.GOAL);
  /** A plugin from Apache with a skip parameter, as small as plugins come. */
  private static final String CLEAN_SKIPPED_PLUGIN = """
        <build>
          <plugins>
            <plugin>
              <artifactId>maven-clean-plugin</artifactId>
              <version>3.4.0</version>
              <executions>
                <execution>
                  <id>skipped</id>
                  <phase>generate-sources</phase>
                  <goals>
                    <goal>clean</goal>
                  </goals>
                  <configuration>
                    <skip>true</skip>
                  </configuration>
                </execution>
              </executions>
            </plugin>
          </plugins>
        </build>
      """;
  /** The user's local repository as a remote one, as the ITs do, for the first online run. */
  private static final String SETTINGS = """
      <?xml version="1.0" encoding="UTF-8"?>
      <settings>
        <profiles>
          <profile>
            <id>bench-repo</id>
            <activation><activeByDefault>true</activeByDefault></activation>
            <repositories>
              <repository>
                <id>local.central</id>
                <url>%1$s</url>
              </repository>
            </repositories>
            <pluginRepositories>
              <pluginRepository>
                <id>local.central</id>
                <url>%1$s</url>
              </pluginRepository>
            </pluginRepositories>
          </profile>
        </profiles>
      </settings>
      """;

  final Path with;
  final Path without;
  final Path libraries;
  final Path cleanSkipped;
  final Path settings;

  private ThrowawayProjects(Path with, Path without, Path libraries, Path cleanSkipped,
      Path settings) {
    this.with = with;
    this.without = without;
    this.libraries = libraries;
    this.cleanSkipped = cleanSkipped;
    this.settings = settings;
  }

  static ThrowawayProjects create(Path root, Path spec, String pluginVersion,
      Path userLocalRepository) throws IOException {
    String formats = PipelineBenchmark.availableFormats().stream().map(Format::id)
        .collect(Collectors.joining(","));
    Path with = project(root.resolve("with"), spec,
        POM.formatted("with", PLUGIN.formatted(pluginVersion, formats)));
    Path without = project(root.resolve("without"), spec, POM.formatted("without", ""));
    Path libraries = project(root.resolve("libraries"), spec,
        POM.formatted("libraries", LIBRARIES_PLUGIN));
    Path cleanSkipped = project(root.resolve("clean-skipped"), spec,
        POM.formatted("clean-skipped", CLEAN_SKIPPED_PLUGIN));
    Path settings = Files.writeString(root.resolve("settings.xml"),
        SETTINGS.formatted(userLocalRepository.toUri()));
    return new ThrowawayProjects(with, without, libraries, cleanSkipped, settings);
  }

  private static Path project(Path dir, Path spec, String pom) throws IOException {
    Path specDir = Files.createDirectories(dir.resolve("src/main/asg-kms"));
    Files.copy(spec, specDir.resolve("asg-kms.yaml"));
    Files.writeString(dir.resolve("pom.xml"), pom);
    return dir;
  }

  /** Where {@code with} writes; its manifest shows that a run generated. */
  Path manifest() {
    return with.resolve("target/generated-sources/asg-kms/.asg-kms-manifest");
  }
}
