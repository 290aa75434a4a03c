package io.usher.app.runtime;

import io.usher.LocalSynapse;
import io.usher.SharedSchedules;
import io.usher.app.cli.Main;
import io.usher.app.config.ConfigLoader;
import io.usher.app.config.Settings;
import io.usher.app.config.TestConfigs;
import io.usher.lifecycle.PhaseEvent;
import io.usher.scheduler.PhaseOutcome;
import io.usher.scheduler.ScaledClock;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Queue;
import java.util.concurrent.ConcurrentLinkedQueue;
import java.util.function.Function;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * How late each phase fires after its boundary, for FOSDEM 2021 at real speed on the local
 * Synapse ({@code scripts/bench}). The window is the busiest stretch of the Saturday; the rooms
 * are first brought to their state at the window's start with {@code apply --at}, then the bot
 * runs a real-speed clock set to just before the window. Prints one figure a line and writes
 * them to {@code target/bench/lifecycle.txt}.
 */
@Tag("bench")
class LifecycleLatenessBench {
  static final Duration WINDOW = Duration.parse(System.getProperty("usher.bench.window", "PT3M"));
  static final Duration LEAD = Duration.ofSeconds(45);

  @TempDir Path dir;

  @Test
  void fosdem2021PhaseLateness() throws Exception {
    LocalSynapse synapse = LocalSynapse.get();
    Path config = TestConfigs.write(dir, synapse, "fosdem2021", "Europe/Brussels",
        SharedSchedules.path(SharedSchedules.FOSDEM_2021), "");
    Settings settings = new ConfigLoader().load(config);
    List<PhaseEvent> phases = phasesOf(settings);
    Instant from = busiest(phases);
    Instant to = from.plus(WINDOW);
    List<String> lines = new ArrayList<>();
    lines.add("schedule: FOSDEM 2021 (" + phases.size() + " phases of " + phases.size() / 5
        + "+ talks)");
    lines.add("window: " + from + " .. " + to + " (" + WINDOW.toSeconds() + " s at real speed)");
    long started = System.nanoTime();
    int code = Main.run(new PrintWriter(new StringWriter()), new PrintWriter(System.err, true),
        "apply", "-c", config.toString(), "--at", from.minus(LEAD).toString());
    lines.add(String.format("prepare (apply --at window start): exit %d, %.1f s", code,
        (System.nanoTime() - started) / 1e9));

    Queue<PhaseOutcome> outcomes = new ConcurrentLinkedQueue<>();
    Clock clock = ScaledClock.startingAt(from.minus(LEAD), 1);
    try (LiveBot bot = LiveBot.open(settings, clock, new PrintWriter(new StringWriter()),
        outcomes::add, Duration.ofSeconds(30))) {
      long t0 = System.nanoTime();
      bot.start();
      lines.add(String.format("bot start (read, reconcile, schedule %d jobs): %.1f s",
          bot.status().scheduledJobs(), (System.nanoTime() - t0) / 1e9));
      Thread.sleep(Duration.between(clock.instant(), to).plusSeconds(20).toMillis());
      lines.add("requests: " + bot.session().requestSummary());
    }
    List<PhaseOutcome> inWindow = outcomes.stream()
        .filter(o -> !o.event().at().isBefore(from) && o.event().at().isBefore(to)).toList();
    lines.add("phases in window: " + inWindow.size() + " (" + inWindow.stream()
        .filter(o -> o.status().equals("sent")).count() + " sent, " + inWindow.stream()
        .map(o -> o.event().at()).distinct().count() + " distinct boundaries)");
    lines.add(figures("fired late (handling began)", inWindow, PhaseOutcome::startLateness));
    lines.add(figures("done late (rooms changed, announced)", inWindow,
        PhaseOutcome::finishLateness));
    for (var phase : io.usher.lifecycle.Phase.values()) {
      List<PhaseOutcome> these = inWindow.stream().filter(o -> o.event().phase() == phase)
          .toList();
      if (!these.isEmpty()) {
        lines.add(figures("  " + phase.id() + " done late", these,
            PhaseOutcome::finishLateness));
      }
    }
    String report = String.join("\n", lines) + "\n";
    System.out.print(report);
    Path results = Path.of("target", "bench", "lifecycle.txt");
    Files.createDirectories(results.getParent());
    Files.writeString(results, report);
  }

  private static List<PhaseEvent> phasesOf(Settings settings) {
    var conference = Schedules.conference(settings);
    var policy = new io.usher.plan.Policy(settings.conferenceId(), "", "localhost",
        settings.grouping(), settings.organisers(), List.of(), 50);
    var desired = io.usher.plan.DesiredState.of(conference, policy, Instant.EPOCH);
    return new io.usher.lifecycle.Lifecycle(conference, desired, policy, settings.lifecycle())
        .phases();
  }

  /** The start of the window holding the most phases. */
  static Instant busiest(List<PhaseEvent> phases) {
    Instant best = phases.get(0).at();
    int most = 0;
    for (PhaseEvent start : phases) {
      Instant end = start.at().plus(WINDOW);
      int count = (int) phases.stream()
          .filter(e -> !e.at().isBefore(start.at()) && e.at().isBefore(end)).count();
      if (count > most) {
        most = count;
        best = start.at();
      }
    }
    return best;
  }

  private static String figures(String label, List<PhaseOutcome> outcomes,
      Function<PhaseOutcome, Duration> lateness) {
    List<Long> ms = outcomes.stream().map(o -> lateness.apply(o).toMillis()).sorted().toList();
    if (ms.isEmpty()) {
      return label + ": no phases";
    }
    return String.format("%s: median %d ms, max %d ms (n=%d)", label, ms.get(ms.size() / 2),
        ms.get(ms.size() - 1), ms.size());
  }
}
