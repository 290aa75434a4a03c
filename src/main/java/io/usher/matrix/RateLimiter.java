package io.usher.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.concurrent.Semaphore;
import java.util.concurrent.atomic.AtomicLong;
import java.util.function.Supplier;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;
import okhttp3.ResponseBody;

/**
 * The one place that sends requests and waits: HTTP 429 is waited out for the time the server
 * asks ({@code retry_after_ms} in the body, else the {@code Retry-After} header, see
 * https://spec.matrix.org/latest/client-server-api/#rate-limiting), 5xx and lost connections are
 * re-sent with exponential backoff, each a bounded number of times. A 429 on one thread holds
 * back every thread sharing this limiter, since the homeserver limits the account, not the call.
 *
 * <p>While the account is limited, writes queue and go one at a time, first come first served,
 * each keeping its place through its own waits: racing threads would waste a 429 each per
 * freed slot and could starve one request past its bounded waits. The first write that passes
 * without a 429 (the limit lifted, or the burst refilled) lets them run in parallel again.
 */
final class RateLimiter {
  private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(1);

  private final OkHttpClient http;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final List<RateLimitListener> listeners = new CopyOnWriteArrayList<>();
  private final RequestStats stats;
  private final ObjectMapper json;
  private final AtomicLong blockedUntilNanos = new AtomicLong(System.nanoTime());
  private final Map<Route, Long> paceNanos = new ConcurrentHashMap<>();
  private final Map<Route, AtomicLong> nextSlotNanos = new ConcurrentHashMap<>();
  private final Semaphore limitedQueue = new Semaphore(1, true);
  private volatile boolean limited;
  private final Outage outage;

  RateLimiter(OkHttpClient http, RetryPolicy policy, Sleeper sleeper, RateLimitListener listener,
      RequestStats stats, ObjectMapper json) {
    this.http = http;
    this.policy = policy;
    this.sleeper = sleeper;
    this.listeners.add(listener);
    this.stats = stats;
    this.json = json;
    this.outage = new Outage(policy.outageBound());
  }

  /**
   * Sends the request until it gets an answer that is neither 429 nor 5xx, or the tries run
   * out; returns the last answer either way.
   *
   * @throws MatrixException with {@link MatrixException#NO_RESPONSE} when no response came
   *     after every try
   */
  HttpResult execute(Route route, Supplier<Request> request) {
    awaitSlot(route);
    Attempts attempts = new Attempts();
    try {
      while (true) {
        if (route.isWrite() && limited && !attempts.queued) {
          queue();
          attempts.queued = true;
        }
        awaitUnblocked();
        HttpResult result = sendOnce(route, request, attempts);
        if (result != null) {
          if (attempts.queued && attempts.rateLimitWaits == 0) {
            limited = false;
          }
          return result;
        }
      }
    } finally {
      if (attempts.queued) {
        limitedQueue.release();
      }
    }
  }

  /** One request's tries so far, and whether it holds the limited account's queue. */
  private static final class Attempts {
    int rateLimitWaits;
    int failures;
    boolean queued;
  }

  /** Sends once: the answer to return, or null when it is to be sent again (after a wait). */
  private HttpResult sendOnce(Route route, Supplier<Request> request, Attempts attempts) {
    stats.record(route);
    HttpResult result;
    try {
      result = send(request.get());
    } catch (IOException e) {
      if (waitOutage(route, attempts)) {
        return null;
      }
      throw new MatrixException(route.toString(), MatrixException.NO_RESPONSE,
          ErrorCode.USHER_NO_RESPONSE, e.getClass().getSimpleName() + ": " + e.getMessage()
          + silence(), e);
    }
    if (result.status() >= 502 && result.status() <= 504) {
      return waitOutage(route, attempts) ? null : result;
    }
    outage.answered();
    if (result.status() == 429 && ++attempts.rateLimitWaits <= policy.maxRateLimitWaits()) {
      stats.recordRateLimited();
      limited = true;
      Duration wait = rateLimitWait(result);
      listeners.forEach(l -> l.rateLimited(route.name(), wait));
      blockFor(wait);
      return null;
    }
    if (result.status() >= 500 && ++attempts.failures <= policy.maxServerErrorRetries()) {
      pause(backoff(attempts.failures));
      return null;
    }
    return result;
  }

  /**
   * After a request got no answer: waits and returns true when it is to be sent again, within
   * the quick retries, or within the outage bound for a homeserver that answered before.
   */
  private boolean waitOutage(Route route, Attempts attempts) {
    Outage.Verdict verdict = outage.unanswered();
    if (verdict == Outage.Verdict.QUICK_RETRIES) {
      if (++attempts.failures > policy.maxServerErrorRetries()) {
        return false;
      }
      pause(backoff(attempts.failures));
      return true;
    }
    if (verdict == Outage.Verdict.GIVE_UP) {
      return false;
    }
    Duration silent = outage.silent();
    Duration left = outage.bound().minus(silent);
    Duration wait = Collections.min(List.of(backoff(++attempts.failures),
        RetryPolicy.OUTAGE_POLL, left.isNegative() ? Duration.ZERO : left));
    listeners.forEach(l -> l.unanswered(route.name(), silent, wait, outage.bound()));
    pause(wait);
    return true;
  }

  /** Says how long an outage lasted when the request failed after waiting one out; else "". */
  private String silence() {
    Duration silent = outage.silent();
    return silent.compareTo(outage.bound()) > 0 && !outage.bound().isZero()
        ? "; the homeserver has not answered for " + silent.toSeconds() + " s" : "";
  }

  /** Also tells {@code listener} of every 429 until the returned action is run. */
  Runnable addListener(RateLimitListener listener) {
    listeners.add(listener);
    return () -> listeners.remove(listener);
  }

  private void queue() {
    try {
      limitedQueue.acquire();
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(e);
    }
  }

  private HttpResult send(Request request) throws IOException {
    try (Response response = http.newCall(request).execute()) {
      ResponseBody body = response.body();
      return new HttpResult(response.code(), body.string(), response.header("Retry-After"));
    }
  }

  private Duration rateLimitWait(HttpResult result) {
    Duration wait = null;
    try {
      JsonNode retryAfterMs = json.readTree(result.body()).path("retry_after_ms");
      if (retryAfterMs.canConvertToLong()) {
        wait = Duration.ofMillis(retryAfterMs.asLong());
      }
    } catch (IOException notJson) {
      // Fall back to the header.
    }
    if (wait == null && result.retryAfter() != null) {
      try {
        wait = Duration.ofSeconds(Long.parseLong(result.retryAfter().strip()));
      } catch (NumberFormatException httpDate) {
        // An HTTP-date Retry-After is rare from homeservers; use the default.
      }
    }
    wait = wait == null || wait.isNegative() ? DEFAULT_RATE_LIMIT_WAIT : wait;
    return wait.compareTo(policy.maxWait()) > 0 ? policy.maxWait() : wait;
  }

  private Duration backoff(int failures) {
    Duration wait = policy.firstBackoff().multipliedBy(1L << Math.min(failures - 1, 20));
    return wait.compareTo(policy.maxWait()) > 0 ? policy.maxWait() : wait;
  }

  private void blockFor(Duration wait) {
    long until = System.nanoTime() + wait.toNanos();
    blockedUntilNanos.accumulateAndGet(until, (a, b) -> a - b > 0 ? a : b);
  }

  private void awaitUnblocked() {
    long remaining = blockedUntilNanos.get() - System.nanoTime();
    if (remaining > 0) {
      pause(Duration.ofNanos(remaining));
    }
  }

  /** Spaces requests to {@code endpoint} at least {@code 1/perSecond} apart. */
  void pace(Route endpoint, double perSecond) {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
    }
    paceNanos.put(endpoint, (long) (1e9 / perSecond));
    nextSlotNanos.putIfAbsent(endpoint, new AtomicLong(System.nanoTime()));
  }

  /** Takes the endpoint's next free slot, if it is paced, and waits for it. */
  private void awaitSlot(Route endpoint) {
    Long interval = paceNanos.get(endpoint);
    if (interval == null) {
      return;
    }
    long now = System.nanoTime();
    long previous = nextSlotNanos.get(endpoint)
        .getAndAccumulate(now, (next, t) -> (next - t > 0 ? next : t) + interval);
    long wait = previous - now;
    if (wait > 0) {
      pause(Duration.ofNanos(wait));
    }
  }

  private void pause(Duration wait) {
    try {
      sleeper.sleep(wait);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw interrupted(e);
    }
  }

  private static MatrixException interrupted(InterruptedException e) {
    return new MatrixException("wait", MatrixException.NO_RESPONSE, ErrorCode.USHER_INTERRUPTED,
        "interrupted while waiting to retry", e);
  }
}
