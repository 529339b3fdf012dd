package io.github.asgkms.render;

import io.github.asgkms.output.GeneratedFile;
import io.github.asgkms.plan.Plan;
import java.nio.charset.StandardCharsets;
import java.util.ArrayList;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Renders a plan into files, in memory: sorted by path, UTF-8, LF line ends. Each file depends
 * on the plan alone, so a large plan is rendered on several threads ({@link ParallelRender});
 * the files, and the error when templates fail, are the same as on one.
 */
public final class Renderer {
  /**
   * The command the generated headers give for regenerating, when the caller does not know a
   * better one: the lifecycle phase that {@code generate} binds to by default.
   */
  public static final String DEFAULT_REGENERATE_COMMAND = "mvn generate-sources";

  private final TemplateEngine engine;
  private final int threads;

  /** A renderer that uses up to one thread per processor. */
  public Renderer(TemplateEngine engine) {
    this(engine, Runtime.getRuntime().availableProcessors());
  }

  /** A renderer that uses at most {@code threads} threads, the caller's included. */
  public Renderer(TemplateEngine engine, int threads) {
    if (threads < 1) {
      throw new IllegalArgumentException("threads must be at least 1, not " + threads);
    }
    this.engine = engine;
    this.threads = threads;
  }

  public List<GeneratedFile> render(Plan plan, Set<Format> formats) throws RenderException {
    return render(plan, formats, DEFAULT_REGENERATE_COMMAND);
  }

  /**
   * Renders with {@code regenerateCommand} as the command each header gives. It is not part of
   * the plan: it describes the build that renders, not what AWS gets.
   */
  public List<GeneratedFile> render(Plan plan, Set<Format> formats, String regenerateCommand)
      throws RenderException {
    List<RenderJob> jobs = new ArrayList<>();
    for (Format format : formats) {
      for (RenderJob job : format.layout().jobs(plan)) {
        job.model().put("regenerateCommand", regenerateCommand);
        jobs.add(job);
      }
    }
    GeneratedFile[] files = ParallelRender.render(engine, jobs, threads);
    Arrays.sort(files, Comparator.comparing(GeneratedFile::path));
    return List.of(files);
  }

  /**
   * One more file, rendered on the caller's thread after the others: for output that is built
   * from what the other files say, such as the access tables.
   */
  public GeneratedFile renderFile(String template, String path, Map<String, Object> model)
      throws RenderException {
    String text = endWithOneLineFeed(engine.render(template, model));
    return new GeneratedFile(path, text.getBytes(StandardCharsets.UTF_8));
  }

  /** One file: the job's template rendered, ending with exactly one line feed. */
  static GeneratedFile renderOne(RenderSession session, RenderJob job) throws RenderException {
    String text = endWithOneLineFeed(session.render(job.template(), job.model()));
    return new GeneratedFile(job.path(), text.getBytes(StandardCharsets.UTF_8),
        job.executable());
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
