package io.usher.apply;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Counts finished actions and reports {@code done/total, rate, ETA} at most twice a second. */
final class Progress {
  private static final long EVERY_NANOS = Duration.ofMillis(500).toNanos();

  private final int total;
  private final Consumer<String> sink;
  private final long startNanos = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong lastReport = new AtomicLong(startNanos);

  Progress(int total, Consumer<String> sink) {
    this.total = total;
    this.sink = sink;
  }

  void step() {
    int now = done.incrementAndGet();
    long t = System.nanoTime();
    long last = lastReport.get();
    if (now == total || (t - last >= EVERY_NANOS && lastReport.compareAndSet(last, t))) {
      sink.accept(line(now, t));
    }
  }

  private String line(int finished, long nowNanos) {
    double seconds = Math.max(1e-3, (nowNanos - startNanos) / 1e9);
    double rate = finished / seconds;
    long eta = rate > 0 ? Math.round((total - finished) / rate) : -1;
    return String.format("apply: %d/%d actions, %.1f/s, ETA %s", finished, total, rate,
        eta < 0 ? "?" : eta + " s");
  }
}
