package io.usher.commands;

import io.usher.lifecycle.Phase;
import io.usher.lifecycle.PhaseEvent;
import io.usher.lifecycle.UpcomingPhase;
import io.usher.schedule.Talk;
import io.usher.schedule.TalkId;
import java.time.Duration;
import java.time.Instant;
import java.util.List;

/** Upcoming phases of made-up talks, for the replies that list them. */
final class Phases {
  private Phases() {}

  /** {@code phase} of a talk titled {@code title}, in track {@code track}, at {@code at}. */
  static UpcomingPhase upcoming(Phase phase, String title, String track, String trackId,
      Instant at) {
    Talk talk = new Talk(new TalkId(title.toLowerCase().replace(' ', '-')), "", title, "", track,
        "", "Janson", at, Duration.ofMinutes(30), "", List.of(), null);
    return new UpcomingPhase(new PhaseEvent(talk.id(), phase, at, trackId), talk);
  }
}
