package io.github.asgkms.render;

import freemarker.cache.ClassTemplateLoader;
import freemarker.cache.ConditionalTemplateConfigurationFactory;
import freemarker.cache.FileNameGlobMatcher;
import freemarker.cache.FileTemplateLoader;
import freemarker.cache.FirstMatchTemplateConfigurationFactory;
import freemarker.cache.MultiTemplateLoader;
import freemarker.cache.StrongCacheStorage;
import freemarker.cache.TemplateLoader;
import freemarker.core.TemplateClassResolver;
import freemarker.core.TemplateConfiguration;
import freemarker.template.Configuration;
import freemarker.template.DefaultObjectWrapperBuilder;
import freemarker.template.TemplateExceptionHandler;
import freemarker.template.Version;
import java.io.IOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.TimeZone;

/**
 * One strict Freemarker configuration. Templates come from the user's folder first, file by
 * file, then from the jar's {@code /templates}. The template's name picks its escaping:
 * {@code *.tf.ftl} HCL, {@code *.json.ftl} JSON, {@code *.yaml.ftl} YAML, {@code *.sh.ftl}
 * POSIX shell, {@code *.md.ftl} Markdown text.
 */
public final class TemplateEngine {
  /** Fixed, so a Freemarker upgrade cannot change the output behind our back. */
  static final Version FREEMARKER_BEHAVIOUR = Configuration.VERSION_2_3_34;

  private final Configuration configuration;
  /** The session of {@link #render}, made when first needed. */
  private RenderSession ownSession;

  /** @param overrideDirectory a folder of user templates, or null for the built-ins only */
  public TemplateEngine(Path overrideDirectory) throws IOException {
    configuration = new Configuration(FREEMARKER_BEHAVIOUR);
    configuration.setTemplateLoader(new LfTemplateLoader(loader(overrideDirectory)));
    configuration.setDefaultEncoding("UTF-8");
    configuration.setOutputEncoding("UTF-8");
    configuration.setLocale(Locale.ROOT);
    configuration.setTimeZone(TimeZone.getTimeZone("UTC"));
    configuration.setNumberFormat("c");
    configuration.setBooleanFormat("c");
    configuration.setLocalizedLookup(false);
    configuration.setTemplateExceptionHandler(TemplateExceptionHandler.RETHROW_HANDLER);
    configuration.setLogTemplateExceptions(false);
    configuration.setWrapUncheckedExceptions(true);
    configuration.setFallbackOnNullLoopVariable(false);
    configuration.setNewBuiltinClassResolver(TemplateClassResolver.ALLOWS_NOTHING_RESOLVER);
    configuration.setAPIBuiltinEnabled(false);
    // HCL and Fn::Sub both use ${...}: square brackets keep templates unambiguous.
    configuration.setInterpolationSyntax(Configuration.SQUARE_BRACKET_INTERPOLATION_SYNTAX);
    configuration.setTagSyntax(Configuration.SQUARE_BRACKET_TAG_SYNTAX);
    configuration.setRegisteredCustomOutputFormats(EscapingOutputFormat.ALL);
    configuration.setAutoEscapingPolicy(Configuration.ENABLE_IF_SUPPORTED_AUTO_ESCAPING_POLICY);
    configuration.setTemplateConfigurations(escapingByFileName());
    // Freemarker's own wrapper: a record is a hash of its components and zero-argument
    // methods, such as a statement's effect; its member access policy keeps class loaders and
    // reflection out of a template's reach.
    configuration.setObjectWrapper(new DefaultObjectWrapperBuilder(FREEMARKER_BEHAVIOUR).build());
    // One engine serves one run: each template, lib.ftl included, is parsed once and kept,
    // however many files use it and whatever the memory pressure.
    configuration.setTemplateUpdateDelayMilliseconds(Long.MAX_VALUE);
    configuration.setCacheStorage(new StrongCacheStorage());
  }

  /**
   * Renders one template on the caller's thread; the text is what the template wrote. One
   * thread at a time: a renderer on several threads gives each a {@link #newSession}.
   */
  public String render(String templateName, Map<String, Object> model) throws RenderException {
    if (ownSession == null) {
      ownSession = newSession();
    }
    return ownSession.render(templateName, model);
  }

  /** What one thread needs to render with this engine; the engine itself is shared. */
  RenderSession newSession() {
    return new RenderSession(configuration);
  }

  /** How many templates this engine has parsed: each is parsed once, however often used. */
  int parsedTemplates() {
    return configuration.getCacheStorage() instanceof StrongCacheStorage storage
        ? storage.getSize() : -1;
  }

  private static TemplateLoader loader(Path overrideDirectory) throws IOException {
    List<TemplateLoader> loaders = new ArrayList<>();
    if (overrideDirectory != null) {
      loaders.add(new FileTemplateLoader(overrideDirectory.toFile()));
    }
    loaders.add(new ClassTemplateLoader(TemplateEngine.class.getClassLoader(), "templates"));
    return loaders.size() == 1 ? loaders.get(0)
        : new MultiTemplateLoader(loaders.toArray(TemplateLoader[]::new));
  }

  private static FirstMatchTemplateConfigurationFactory escapingByFileName() {
    return new FirstMatchTemplateConfigurationFactory(
            escaping("*.tf.ftl", EscapingOutputFormat.HCL),
            escaping("*.json.ftl", EscapingOutputFormat.JSON),
            escaping("*.yaml.ftl", EscapingOutputFormat.YAML),
            escaping("*.sh.ftl", EscapingOutputFormat.SHELL),
            escaping("*.md.ftl", EscapingOutputFormat.MARKDOWN))
        .allowNoMatch(true);
  }

  private static ConditionalTemplateConfigurationFactory escaping(
      String glob, EscapingOutputFormat format) {
    TemplateConfiguration settings = new TemplateConfiguration();
    settings.setOutputFormat(format);
    return new ConditionalTemplateConfigurationFactory(new FileNameGlobMatcher(glob), settings);
  }
}
