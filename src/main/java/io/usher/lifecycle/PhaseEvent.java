package io.usher.lifecycle;

import io.usher.schedule.TalkId;
import java.time.Instant;
import java.util.Comparator;

/**
 * One phase of one talk, due at one instant.
 *
 * @param at a UTC instant
 * @param trackId the planned track the talk belongs to (phases of one track run in order)
 * @param rehearsal empty for the conference itself; for a rehearsal its name, under which its
 *     announcements are recorded and sent, apart from the conference's and other rehearsals'
 */
public record PhaseEvent(TalkId talk, Phase phase, Instant at, String trackId, String rehearsal)
    implements Comparable<PhaseEvent> {

  private static final Comparator<PhaseEvent> ORDER = Comparator.comparing(PhaseEvent::at)
      .thenComparingInt(e -> e.phase().rankAtSameInstant())
      .thenComparing(e -> e.talk().value());

  /** A phase of the conference itself, not of a rehearsal. */
  public PhaseEvent(TalkId talk, Phase phase, Instant at, String trackId) {
    this(talk, phase, at, trackId, "");
  }

  /**
   * The id under which this phase's announcement is recorded: talk, phase and instant, so a talk
   * moved to another time is announced again at its new time; in a rehearsal, after its name
   * ({@code rehearsal-…/101/start/…}), so neither the conference on the day nor the next
   * rehearsal of the same hours finds it already announced.
   */
  public String recordId() {
    String id = talk.value() + "/" + phase.id() + "/" + at.getEpochSecond();
    return rehearsal.isEmpty() ? id : rehearsal + "/" + id;
  }

  /** The id of its Quartz job: talk and phase, so a moved talk's job moves. */
  public String jobName() {
    return talk.value() + "." + phase.id();
  }

  /** By instant, then closing phases before opening ones, then talk id. */
  @Override
  public int compareTo(PhaseEvent other) {
    return ORDER.compare(this, other);
  }
}
