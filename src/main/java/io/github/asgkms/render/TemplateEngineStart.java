package io.github.asgkms.render;

import java.io.IOException;
import java.io.InterruptedIOException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Set;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.FutureTask;

/**
 * A {@link TemplateEngine} made ready on a thread of its own. In the fresh JVM of a build,
 * Freemarker's start-up (loading its classes, configuring it, parsing the templates) takes
 * longer than reading and planning the spec, and needs nothing from it, so a run does both at
 * once. The engine is handed over as soon as it is configured; the thread goes on parsing the
 * templates, last format first, while the caller renders from the first format on, parsing
 * what it needs that is not parsed yet. Freemarker's template cache is safe for both.
 *
 * <p>Close it when the run ends, however it ends: closing waits for the thread, so none
 * outlives the run.
 */
public final class TemplateEngineStart implements AutoCloseable {
  private final FutureTask<TemplateEngine> task;
  private final Thread thread;

  private TemplateEngineStart(Path templateDirectory, List<String> templates) {
    task = new FutureTask<>(() -> new TemplateEngine(templateDirectory));
    thread = new Thread(() -> {
      task.run();
      TemplateEngine engine = configuredOrNull();
      if (engine != null) {
        engine.preparse(templates);
      }
    }, "asg-kms-templates");
    thread.setDaemon(true);
    thread.start();
  }

  /**
   * Starts an engine for these formats' templates.
   *
   * @param templateDirectory a folder of user templates, or null for the built-ins only
   */
  public static TemplateEngineStart begin(Path templateDirectory, Set<Format> formats) {
    // The reverse of the order the renderer needs them in, so the two threads meet midway.
    List<String> templates = new ArrayList<>();
    for (Format format : formats) {
      templates.addAll(format.layout().templates());
    }
    Collections.reverse(templates);
    return new TemplateEngineStart(templateDirectory, templates);
  }

  /** The engine, once ready; or what creating it threw, as {@code new TemplateEngine} would. */
  public TemplateEngine engine() throws IOException {
    try {
      return task.get();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new InterruptedIOException("interrupted while the template engine started");
    } catch (ExecutionException e) {
      Throwable cause = e.getCause();
      if (cause instanceof IOException io) {
        throw io;
      }
      if (cause instanceof RuntimeException runtime) {
        throw runtime;
      }
      if (cause instanceof Error error) {
        throw error;
      }
      throw new IOException("the template engine could not start", cause);
    }
  }

  /** The engine if it was configured; null if configuring it threw. Call once it is done. */
  private TemplateEngine configuredOrNull() {
    try {
      return task.get();
    } catch (ExecutionException | InterruptedException e) {
      return null;
    }
  }

  /** Waits for the thread to end. */
  @Override
  public void close() {
    Threads.joinAll(thread);
  }
}
