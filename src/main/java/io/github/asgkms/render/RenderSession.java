package io.github.asgkms.render;

import freemarker.template.Configuration;
import freemarker.template.Template;
import freemarker.template.TemplateException;
import java.io.IOException;
import java.util.HashMap;
import java.util.Map;

/**
 * Renders files on one thread. Freemarker's configuration, object wrapper and parsed templates
 * are shared and safe to use from several threads; what is not is kept here, one per thread:
 * the output buffer and the templates already looked up.
 */
final class RenderSession {
  private final Configuration configuration;
  /** Each template this session has used, so a file costs no lookup in Freemarker's cache. */
  private final Map<String, Template> templates = new HashMap<>();
  /** One bounded buffer for every file of the session. */
  private final TextWriter out = new TextWriter(8192);

  RenderSession(Configuration configuration) {
    this.configuration = configuration;
  }

  /** Renders one template; the text is what the template wrote. */
  String render(String templateName, Map<String, Object> model) throws RenderException {
    try {
      Template template = templates.get(templateName);
      if (template == null) {
        template = configuration.getTemplate(templateName);
        templates.put(templateName, template);
      }
      out.clear();
      template.process(model, out);
      return out.toString();
    } catch (TemplateException e) {
      if (e.getCause() instanceof TextWriter.TooMuchText tooMuch) {
        throw runaway(templateName, tooMuch);
      }
      throw new RenderException("template " + templateName + " failed: " + e.getMessage(), e);
    } catch (TextWriter.TooMuchText e) {
      throw runaway(templateName, e);
    } catch (IOException e) {
      throw new RenderException("template " + templateName + " cannot be loaded: "
          + e.getMessage(), e);
    } catch (StackOverflowError e) {
      // The stack is unwound to here, so the run can go on to report it as any other error.
      throw new RenderException("template " + templateName + " failed: it nests too deeply"
          + " (a stack overflow): a macro, function or include that calls itself without end?",
          null);
    } finally {
      out.clear(); // a runaway file's text is not kept for the next one
    }
  }

  private static RenderException runaway(String templateName, TextWriter.TooMuchText e) {
    return new RenderException("template " + templateName + " failed: it wrote more than "
        + TextWriter.MAX_CHARS + " characters for one file: a list or loop without end?", e);
  }
}
