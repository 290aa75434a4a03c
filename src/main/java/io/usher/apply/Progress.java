package io.usher.apply;

import io.usher.matrix.RateLimitListener;
import java.time.Duration;
import java.util.Locale;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Consumer;
import java.util.function.Function;

/**
 * Counts finished steps of a bulk job and reports {@code done/total, rate, ETA} at most twice a
 * second and once at the end. Thread-safe.
 *
 * <p>Told of the homeserver's 429s (it is a {@link RateLimitListener}), it reports at once and
 * from then on takes its ETA from the limited pace alone: a burst at full speed followed by one
 * room a minute would otherwise promise minutes for a job that takes hours. The pace is the
 * time per step since the first 429, and at least the last wait the homeserver asked for
 * (Synapse's {@code retry_after_ms} is the time until its bucket frees one action).
 * It stops counting as limited when no 429 came for twice the last wait.
 */
public final class Progress implements RateLimitListener {
  private static final long EVERY_NANOS = Duration.ofMillis(500).toNanos();

  private final String job;
  private final String unit;
  private final int total;
  private final Consumer<String> sink;
  private final long startNanos = System.nanoTime();
  private final AtomicInteger done = new AtomicInteger();
  private final AtomicLong lastReport = new AtomicLong(startNanos);
  private Limited limited;

  /** The rate-limited stretch of the job: since when, from which step, the last 429's wait. */
  private record Limited(long sinceNanos, int doneBefore, long lastNanos, Duration lastWait) {}

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

  /**
   * Runs {@code work} while hearing a client's 429s, so the ETA follows the limit.
   *
   * @param listen adds a listener and returns its removal, as
   *     {@code MatrixClient::addRateLimitListener} does
   */
  public void hearing(Function<RateLimitListener, Runnable> listen, Runnable work) {
    Runnable stop = listen.apply(this);
    try {
      work.run();
    } finally {
      stop.run();
    }
  }

  /** The homeserver rate-limited a request of this job; reports at once when that is new. */
  @Override
  public void rateLimited(String endpoint, Duration wait) {
    long t = System.nanoTime();
    boolean news;
    synchronized (this) {
      news = limited(t) == null;
      limited = new Limited(news ? t : limited.sinceNanos(),
          news ? done.get() : limited.doneBefore(), t, wait);
    }
    if (news) {
      lastReport.set(t);
      sink.accept(line(done.get(), t));
    }
  }

  /**
   * The homeserver stopped answering during this job: says so, at most twice a second, with how
   * long it has been silent and how long the client goes on waiting.
   */
  @Override
  public void unanswered(String endpoint, Duration silent, Duration wait, Duration bound) {
    long t = System.nanoTime();
    long last = lastReport.get();
    if (t - last >= EVERY_NANOS && lastReport.compareAndSet(last, t)) {
      sink.accept(String.format("%s: %d/%d %s, the homeserver has not answered for %s; trying"
          + " again in %s (giving up after %s)", job, done.get(), total, unit,
          duration(silent.toSeconds()), duration(Math.max(1, wait.toSeconds())),
          duration(bound.toSeconds())));
    }
  }

  private synchronized Limited limited(long nowNanos) {
    if (limited != null
        && nowNanos - limited.lastNanos() > 2 * Math.max(limited.lastWait().toNanos(), 1)) {
      limited = null;
    }
    return limited;
  }

  private String line(int finished, long nowNanos) {
    Limited slow = limited(nowNanos);
    int remaining = total - finished;
    if (slow != null && remaining > 0) {
      int passed = finished - slow.doneBefore();
      // Steps in flight at the first 429 pass quickly; the wait keeps them from promising much.
      double perStep = Math.max(slow.lastWait().toMillis() / 1000.0,
          passed > 0 ? (nowNanos - slow.sinceNanos()) / 1e9 / passed : 0);
      return String.format("%s: %d/%d %s, rate-limited by the homeserver: about one every %.1f"
          + " s, ETA %s", job, finished, total, unit, perStep,
          duration(Math.round(remaining * perStep)));
    }
    double seconds = Math.max(1e-3, (nowNanos - startNanos) / 1e9);
    double rate = finished / seconds;
    long eta = rate > 0 ? Math.round(remaining / rate) : -1;
    return String.format("%s: %d/%d %s, %s/s, ETA %s", job, finished, total, unit, rate(rate),
        eta < 0 ? "?" : duration(eta));
  }

  /** A rate per second that stays readable when slow: {@code 7.4}, {@code 0.024}. */
  public static String rate(double perSecond) {
    return String.format(Locale.ROOT, perSecond >= 1 ? "%.1f" : "%.2g", perSecond);
  }

  /** A wait for people to read: {@code 42 s}, {@code 12 min 30 s}, {@code 19 h 14 min}. */
  public static String duration(long seconds) {
    if (seconds < 90) {
      return seconds + " s";
    }
    if (seconds < 3600) {
      return seconds / 60 + " min " + seconds % 60 + " s";
    }
    return seconds / 3600 + " h " + seconds % 3600 / 60 + " min";
  }
}
