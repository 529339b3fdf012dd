package io.github.asgkms.render;

import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Set;

/** Renders a plan into files, in memory: sorted by path, UTF-8, LF line ends. */
public final class Renderer {
  private final TemplateEngine engine;

  public Renderer(TemplateEngine engine) {
    this.engine = engine;
  }

  public List<GeneratedFile> render(Plan plan, Set<Format> formats) throws RenderException {
    List<GeneratedFile> files = new ArrayList<>();
    for (Format format : formats) {
      for (RenderJob job : format.layout().jobs(plan)) {
        String text = endWithOneLineFeed(engine.render(job.template(), job.model()));
        files.add(new GeneratedFile(job.path(), text.getBytes(StandardCharsets.UTF_8)));
      }
    }
    files.sort(Comparator.comparing(GeneratedFile::path));
    return List.copyOf(files);
  }

  /**
   * Exactly one line feed at the end, however a template ends. Line ends inside come from the
   * templates, which are read with LF only.
   */
  static String endWithOneLineFeed(String text) {
    if (text.endsWith("\n") && !text.endsWith("\n\n")) {
      return text; // what the built-in templates give: no copy
    }
    int end = text.length();
    while (end > 0 && text.charAt(end - 1) == '\n') {
      end--;
    }
    return text.substring(0, end) + "\n";
  }
}
