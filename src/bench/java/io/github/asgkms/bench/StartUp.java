package io.github.asgkms.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import freemarker.template.Configuration;
import freemarker.template.Template;
import io.github.asgkms.GenerateRequest;
import io.github.asgkms.Generator;
import io.github.asgkms.render.Format;
import java.io.StringWriter;
import java.nio.file.Path;
import java.util.EnumSet;
import java.util.Map;

/**
 * One fresh JVM's worth of work, for {@link StartUpComparison}: nothing at all; the least any
 * use of the plugin's libraries costs (Freemarker configured and one one-line template
 * rendered, and one line of YAML read with Jackson); or a whole generation of a spec.
 */
public final class StartUp {
  private StartUp() {}

  public static void main(String[] args) throws Exception {
    switch (args[0]) {
      case "jvm" -> { }
      case "libraries" -> {
        Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
        new Template("t", "[#ftl][=x]", configuration)
            .process(Map.of("x", "y"), new StringWriter());
        try (JsonParser parser = new YAMLFactory().createParser("a: [b]\n")) {
          while (parser.nextToken() != null) {
            // Reading every token is the point.
          }
        }
      }
      case "generate" -> Generator.generate(new GenerateRequest(Path.of(args[1]), "asg-kms.yaml",
          Path.of(args[2]), EnumSet.allOf(Format.class), null, null, "bench"));
      default -> throw new IllegalArgumentException("unknown mode " + args[0]);
    }
  }
}
