package io.usher.scheduler;

import io.usher.lifecycle.Lifecycle;
import io.usher.lifecycle.Phase;
import io.usher.lifecycle.PhaseEvent;
import io.usher.lifecycle.ZonedTimes;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * What is said of announcements missed by more than the grace (the bot was down, or started
 * mid-conference): a line for the log per announcement, and one notice for the organisers per
 * catch-up. A FOSDEM started at noon skips thousands; one notice each would bury the
 * management room.
 */
final class SkippedPhases {
  private SkippedPhases() {}

  /** The log's line for one skipped announcement, {@code late} after it was due. */
  static String logLine(PhaseEvent event, Lifecycle lifecycle, Duration late, Duration grace) {
    return "Skipped the " + describe(event, lifecycle) + ": it was due at "
        + times(lifecycle).dayAndTime(event.at()) + ", " + minutes(late)
        + " ago, more than the grace of " + minutes(grace);
  }

  /**
   * The organisers' notice for the announcements one catch-up skipped: the announcement itself
   * when there is one, else how many of each phase and the span of their instants.
   *
   * @return empty when none was skipped
   */
  static Optional<String> notice(List<PhaseEvent> skipped, Lifecycle lifecycle, Duration grace) {
    if (skipped.isEmpty()) {
      return Optional.empty();
    }
    String after = " The rooms are up to date all the same (talks that ended are hallways).";
    ZonedTimes times = times(lifecycle);
    if (skipped.size() == 1) {
      PhaseEvent event = skipped.get(0);
      return Optional.of("Skipped the " + describe(event, lifecycle) + ": it was due at "
          + times.dayAndTime(event.at()) + ", more than the grace of " + minutes(grace)
          + " ago." + after);
    }
    Instant first = skipped.stream().map(PhaseEvent::at).min(Comparator.naturalOrder())
        .orElseThrow();
    Instant last = skipped.stream().map(PhaseEvent::at).max(Comparator.naturalOrder())
        .orElseThrow();
    return Optional.of("Skipped " + skipped.size() + " announcements missed by more than the"
        + " grace of " + minutes(grace) + ", due from " + times.dayAndTime(first) + " to "
        + times.dayAndTime(last) + ": " + perPhase(skipped) + "." + after
        + " The log has each one.");
  }

  /** {@code "12 reminder, 12 up next, 3 end"}: counts in the order of a talk's life. */
  private static String perPhase(List<PhaseEvent> skipped) {
    Map<Phase, Integer> counts = new EnumMap<>(Phase.class);
    skipped.forEach(e -> counts.merge(e.phase(), 1, Integer::sum));
    List<String> parts = new ArrayList<>();
    counts.forEach((phase, n) -> parts.add(n + " " + name(phase)));
    return String.join(", ", parts);
  }

  /** {@code "end of talk 9 “Warm-up”"}. */
  static String describe(PhaseEvent event, Lifecycle lifecycle) {
    String title = lifecycle.talk(event.talk()).map(t -> "“" + t.title() + "”").orElse("");
    return name(event.phase()) + " of talk " + event.talk() + " " + title;
  }

  private static String name(Phase phase) {
    return phase.id().replace('_', ' ');
  }

  private static ZonedTimes times(Lifecycle lifecycle) {
    return new ZonedTimes(lifecycle.conference().timeZone());
  }

  private static String minutes(Duration duration) {
    long seconds = duration.toSeconds();
    return seconds < 120 ? seconds + " s" : seconds / 60 + " min";
  }
}
