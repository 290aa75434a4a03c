package io.usher.apply;

import java.time.Duration;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/**
 * Counts finished steps of a bulk job and reports {@code done/total, rate, ETA} at most twice a
 * second and once at the end. Thread-safe.
 */
public final class Progress {
  private static final long EVERY_NANOS = Duration.ofMillis(500).toNanos();

  private final String job;
  private final String unit;
  private final int total;
  private final Consumer<String> sink;
  private final long startNanos = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong lastReport = new AtomicLong(startNanos);

  /**
   * @param job what is reported, e.g. {@code apply}
   * @param unit what a step is, plural, e.g. {@code actions}
   */
  public Progress(String job, String unit, int total, Consumer<String> sink) {
    this.job = job;
    this.unit = unit;
    this.total = total;
    this.sink = sink;
  }

  /** One more step is done. */
  public void step() {
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
    return String.format("%s: %d/%d %s, %.1f/s, ETA %s", job, finished, total, unit, rate,
        eta < 0 ? "?" : eta + " s");
  }
}
