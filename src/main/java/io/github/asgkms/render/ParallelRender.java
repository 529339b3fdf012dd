package io.github.asgkms.render;

import io.github.asgkms.output.GeneratedFile;
import java.util.List;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Renders a list of jobs on the caller's thread and, when there are enough of them to be worth
 * it, on more threads beside it. Threads take the jobs in batches, in list order, so that they
 * share the work however unequal the files are.
 *
 * <p>When templates fail, the error reported is that of the first failing job in list order,
 * as on one thread: a thread that fails stops every thread from starting batches after its
 * own, but the batches before it, all started already, run to their end and may fail first.
 */
final class ParallelRender {
  /** Jobs per batch; also the fewest jobs for which a second thread is started. */
  static final int BATCH = 64;

  private final TemplateEngine engine;
  private final List<RenderJob> jobs;
  private final GeneratedFile[] files;
  private final AtomicInteger nextBatch = new AtomicInteger();
  /** The index of the first failed job so far, or the job count while none has failed. */
  private final AtomicInteger firstFailure;
  private final Throwable[] failures;

  private ParallelRender(TemplateEngine engine, List<RenderJob> jobs) {
    this.engine = engine;
    this.jobs = jobs;
    this.files = new GeneratedFile[jobs.size()];
    this.failures = new Throwable[jobs.size()];
    this.firstFailure = new AtomicInteger(jobs.size());
  }

  /** The files of {@code jobs}, in their order, rendered on up to {@code threads} threads. */
  static GeneratedFile[] render(TemplateEngine engine, List<RenderJob> jobs, int threads)
      throws RenderException {
    ParallelRender render = new ParallelRender(engine, jobs);
    int helpers = Math.min(threads, (jobs.size() + BATCH - 1) / BATCH) - 1;
    Thread[] started = new Thread[Math.max(helpers, 0)];
    for (int i = 0; i < started.length; i++) {
      started[i] = new Thread(render::work, "asg-kms-render-" + (i + 1));
      started[i].setDaemon(true);
      started[i].start();
    }
    render.work();
    Threads.joinAll(started);
    return render.result();
  }

  /** Renders batches until none is left, or one at or after a failed job would be next. */
  private void work() {
    RenderSession session = engine.newSession();
    while (true) {
      int start = nextBatch.getAndIncrement() * BATCH;
      if (start >= jobs.size() || start > firstFailure.get()) {
        return;
      }
      int end = Math.min(start + BATCH, jobs.size());
      for (int i = start; i < end; i++) {
        try {
          files[i] = Renderer.renderOne(session, jobs.get(i));
        } catch (RenderException | RuntimeException | Error e) {
          failures[i] = e;
          firstFailure.accumulateAndGet(i, Math::min);
          return;
        }
      }
    }
  }

  private GeneratedFile[] result() throws RenderException {
    int first = firstFailure.get();
    if (first == jobs.size()) {
      return files;
    }
    Throwable failure = failures[first];
    if (failure instanceof RenderException e) {
      throw e;
    }
    if (failure instanceof RuntimeException e) {
      throw e;
    }
    throw (Error) failure;
  }
}
