package io.usher.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import java.util.concurrent.ConcurrentHashMap;
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
 */
final class RateLimiter {
  private static final Duration DEFAULT_RATE_LIMIT_WAIT = Duration.ofSeconds(1);

  private final OkHttpClient http;
  private final RetryPolicy policy;
  private final Sleeper sleeper;
  private final RateLimitListener listener;
  private final RequestStats stats;
  private final ObjectMapper json;
  private final AtomicLong blockedUntilNanos = new AtomicLong(System.nanoTime());
  private final Map<String, Long> paceNanos = new ConcurrentHashMap<>();
  private final Map<String, AtomicLong> nextSlotNanos = new ConcurrentHashMap<>();

  RateLimiter(OkHttpClient http, RetryPolicy policy, Sleeper sleeper, RateLimitListener listener,
      RequestStats stats, ObjectMapper json) {
    this.http = http;
    this.policy = policy;
    this.sleeper = sleeper;
    this.listener = listener;
    this.stats = stats;
    this.json = json;
  }

  /**
   * Sends the request until it gets an answer that is neither 429 nor 5xx, or the tries run
   * out; returns the last answer either way.
   *
   * @throws MatrixException with {@link MatrixException#NO_RESPONSE} when no response came
   *     after every try
   */
  HttpResult execute(Route route, Supplier<Request> request) {
    int rateLimitWaits = 0;
    int failures = 0;
    awaitSlot(route.name());
    while (true) {
      awaitUnblocked();
      stats.record(route);
      HttpResult result;
      try {
        result = send(request.get());
      } catch (IOException e) {
        if (++failures > policy.maxServerErrorRetries()) {
          throw new MatrixException(route.toString(), MatrixException.NO_RESPONSE,
              "USHER_NO_RESPONSE", e.getClass().getSimpleName() + ": " + e.getMessage(), e);
        }
        pause(backoff(failures));
        continue;
      }
      if (result.status() == 429 && ++rateLimitWaits <= policy.maxRateLimitWaits()) {
        stats.recordRateLimited();
        Duration wait = rateLimitWait(result);
        listener.rateLimited(route.name(), wait);
        blockFor(wait);
      } else if (result.status() >= 500 && ++failures <= policy.maxServerErrorRetries()) {
        pause(backoff(failures));
      } else {
        return result;
      }
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
  void pace(String endpoint, double perSecond) {
    if (perSecond <= 0) {
      throw new IllegalArgumentException("perSecond must be positive: " + perSecond);
    }
    paceNanos.put(endpoint, (long) (1e9 / perSecond));
    nextSlotNanos.putIfAbsent(endpoint, new AtomicLong(System.nanoTime()));
  }

  /** Takes the endpoint's next free slot, if it is paced, and waits for it. */
  private void awaitSlot(String endpoint) {
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
      throw new MatrixException("wait", MatrixException.NO_RESPONSE, "USHER_INTERRUPTED",
          "interrupted while waiting to retry", e);
    }
  }
}
