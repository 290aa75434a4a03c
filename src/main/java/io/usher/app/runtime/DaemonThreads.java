package io.usher.app.runtime;

import java.util.concurrent.Executors;
import java.util.concurrent.ScheduledExecutorService;

/** Background timers that never keep the JVM alive on their own: shutdown is by close(). */
final class DaemonThreads {
  private DaemonThreads() {}

  /** A single-thread scheduler whose thread, started on first use, is a daemon named so. */
  static ScheduledExecutorService scheduler(String threadName) {
    return Executors.newSingleThreadScheduledExecutor(r -> {
      Thread thread = new Thread(r, threadName);
      thread.setDaemon(true);
      return thread;
    });
  }
}
