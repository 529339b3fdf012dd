package io.github.asgkms.bench;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import freemarker.template.TemplateExceptionHandler;
import java.io.IOException;
import java.io.StringWriter;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * The least any use of the plugin's libraries costs: Freemarker configured as the plugin
 * configures it, one one-line template rendered, and one line of YAML read with Jackson. Used
 * by the reference plugin ({@link ReferenceMojo}) and by a fresh JVM ({@link StartUp}); it
 * needs nothing from Maven or from the plugin.
 */
final class LibrariesStart {
  private LibrariesStart() {}

  static String run() throws IOException, TemplateException {
    Configuration configuration = new Configuration(Configuration.VERSION_2_3_34);
    configuration.setDefaultEncoding("UTF-8");
    configuration.setLocale(Locale.ROOT);
    configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
    configuration.setNumberFormat("c");
    configuration.setBooleanFormat("c");
    configuration.setLocalizedLookup(false);
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
    configuration.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
    StringWriter out = new StringWriter();
    new Template("t", "[#ftl][=x]", configuration).process(Map.of("x", "y"), out);
    try (JsonParser parser = new YAMLFactory().createParser("a: [b]\n")) {
      while (parser.nextToken() != null) {
        out.write(parser.currentToken().id()); // reading every token is the point
      }
    }
    return out.toString();
  }
}
