package io.usher.web;

import io.micrometer.core.instrument.Counter;
import io.micrometer.core.instrument.MeterRegistry;
import io.micrometer.core.instrument.Timer;
import io.micrometer.core.instrument.binder.jvm.JvmGcMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmMemoryMetrics;
import io.micrometer.core.instrument.binder.jvm.JvmThreadMetrics;
import io.micrometer.core.instrument.binder.system.ProcessorMetrics;
import io.micrometer.core.instrument.binder.system.UptimeMetrics;
import io.micrometer.prometheusmetrics.PrometheusConfig;
import io.micrometer.prometheusmetrics.PrometheusMeterRegistry;
import java.time.Duration;
import java.util.function.Supplier;

/**
 * The web server's Prometheus metrics ({@code /metrics}): requests by route and status, the
 * schedule's size, whether this process leads, and the JVM's memory, threads, GC and CPU.
 */
final class WebMetrics implements AutoCloseable {
  private final PrometheusMeterRegistry registry =
      new PrometheusMeterRegistry(PrometheusConfig.DEFAULT);
  private final JvmGcMetrics gc = new JvmGcMetrics();
  /** Registered at once: an alert on its increase sees a zero before the first failure. */
  private final Counter questionsUnavailable = registry.counter("usher_questions_unavailable");

  /** @param role the process's role, as {@code /health} says it */
  WebMetrics(Supplier<WidgetSchedule> schedule, Supplier<String> role) {
    new JvmMemoryMetrics().bindTo(registry);
    new JvmThreadMetrics().bindTo(registry);
    new ProcessorMetrics().bindTo(registry);
    new UptimeMetrics().bindTo(registry);
    gc.bindTo(registry);
    registry.gauge("usher_schedule_talks", schedule,
        s -> s.get().conference().talks().size());
    registry.gauge("usher_schedule_tracks", schedule, s -> s.get().trackCount());
    // 1 where the management room and the schedule refresh run (the one bot, or the leader).
    registry.gauge("usher_bot_leading", role,
        r -> r.get().equals("single") || r.get().equals("leader") ? 1 : 0);
  }

  MeterRegistry registry() {
    return registry;
  }

  /** Records one request: its route (a template, never the raw path) and status. */
  void request(String route, int status, Duration took) {
    Timer.builder("usher_http_requests").tag("route", route)
        .tag("status", Integer.toString(status)).register(registry).record(took);
  }

  void questionsUnavailable() {
    questionsUnavailable.increment();
  }

  String scrape() {
    return registry.scrape();
  }

  @Override
  public void close() {
    gc.close();
    registry.close();
  }
}
