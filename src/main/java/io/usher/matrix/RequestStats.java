package io.usher.matrix;

import java.util.Map;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.LongAdder;

/**
 * Counts the HTTP requests a {@link MatrixClient} sent, by endpoint name, including retries.
 * Thread-safe.
 */
public final class RequestStats {
  private final Map<String, LongAdder> byEndpoint = new ConcurrentHashMap<>();
  private final LongAdder writes = new LongAdder();
  private final LongAdder rateLimited = new LongAdder();

  void record(Route route) {
    byEndpoint.computeIfAbsent(route.name(), k -> new LongAdder()).increment();
    if (route.isWrite()) {
      writes.increment();
    }
  }

  void recordRateLimited() {
    rateLimited.increment();
  }

  /** Total requests sent. */
  public long total() {
    return byEndpoint.values().stream().mapToLong(LongAdder::sum).sum();
  }

  /** Requests that ask the homeserver to change something (every method but GET). */
  public long writes() {
    return writes.sum();
  }

  /** Responses that were HTTP 429. */
  public long rateLimited() {
    return rateLimited.sum();
  }

  /** Requests by endpoint name ({@code createRoom}, {@code sync}, ...), sorted by name. */
  public Map<String, Long> byEndpoint() {
    Map<String, Long> out = new TreeMap<>();
    byEndpoint.forEach((name, count) -> out.put(name, count.sum()));
    return out;
  }
}
