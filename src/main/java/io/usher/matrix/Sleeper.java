package io.usher.matrix;

import java.time.Duration;

/** Waits; tests substitute a recording one so they need not sleep. */
@FunctionalInterface
interface Sleeper {
  void sleep(Duration duration) throws InterruptedException;

  static Sleeper real() {
    return duration -> Thread.sleep(duration.toMillis());
  }
}
