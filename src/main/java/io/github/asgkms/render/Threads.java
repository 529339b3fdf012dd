package io.github.asgkms.render;

/** Waiting for the threads a run starts, so that none outlives it. */
final class Threads {
  private Threads() {}

  /** Waits for every thread to end; an interrupt meanwhile is kept for the caller, not lost. */
  static void joinAll(Thread... threads) {
    boolean interrupted = false;
    for (Thread thread : threads) {
      while (thread.isAlive()) {
        try {
          thread.join();
        } catch (InterruptedException e) {
          interrupted = true;
        }
      }
    }
    if (interrupted) {
      Thread.currentThread().interrupt();
    }
  }
}
