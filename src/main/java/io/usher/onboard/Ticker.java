package io.usher.onboard;

import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;

/** Progress lines for a bulk step: at most one every 2 seconds, and one at the end. */
final class Ticker {
  private static final long EVERY_NANOS = 2_000_000_000L;

  private final String what;
  private final int total;
  private final Consumer<String> sink;
  private final long start = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong lastNanos = new AtomicLong(start);

  Ticker(String what, int total, Consumer<String> sink) {
    this.what = what;
    this.total = total;
    this.sink = sink;
  }

  void step() {
    int now = done.incrementAndGet();
    long t = System.nanoTime();
    long last = lastNanos.get();
    if (now == total || t - last >= EVERY_NANOS && lastNanos.compareAndSet(last, t)) {
      double seconds = Math.max((t - start) / 1e9, 1e-3);
      double rate = now / seconds;
      sink.accept(String.format("%s: %d/%d (%.0f%%) %.1f/s, ETA %.0f s", what, now, total,
          100.0 * now / total, rate, (total - now) / Math.max(rate, 1e-3)));
    }
  }
}
