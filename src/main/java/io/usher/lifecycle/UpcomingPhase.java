package io.usher.lifecycle;

import io.usher.schedule.Talk;
import java.util.Locale;

/** A phase not yet handled, with its talk, for {@code schedule} and {@code status}. */
public record UpcomingPhase(PhaseEvent event, Talk talk) {

  /** Whether its track's id or name contains {@code filter}, ignoring case. */
  public boolean inTrackMatching(String filter) {
    String f = filter.toLowerCase(Locale.ROOT);
    return event.trackId().contains(f) || talk.track().toLowerCase(Locale.ROOT).contains(f);
  }
}
