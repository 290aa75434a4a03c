package io.usher.lifecycle;

import java.util.Locale;

/**
 * The moments of a talk's life at which Usher acts. Each has an instant (an offset from the
 * talk's start or end, from {@link LifecyclePolicy}) and announcements; {@link #END} also turns
 * the talk room into a hallway.
 */
public enum Phase {
  /** Speakers' reminder in the talk room, by default 60 minutes before the start. */
  REMINDER(5),
  /** "Up next" in the track room, by default 5 minutes before the start. */
  UP_NEXT(4),
  /** The talk goes live: announced in the track room, and the talk room is told. */
  START(3),
  /** Questions and answers begin, where the config gives a Q&A part. */
  QA(2),
  /** A warning in the talk room, by default 5 minutes before the end. */
  END_WARNING(1),
  /** The slot ends: the talk room becomes a hallway, the track room is told where it is. */
  END(0);

  private final int rankAtSameInstant;

  Phase(int rankAtSameInstant) {
    this.rankAtSameInstant = rankAtSameInstant;
  }

  /**
   * Order among phases due at the same instant: what closes a talk comes before what opens the
   * next one, so a track room reads "A has ended" before "B is live".
   */
  int rankAtSameInstant() {
    return rankAtSameInstant;
  }

  /** The name used in config and ids: {@code up_next}, {@code end_warning}, ... */
  public String id() {
    return name().toLowerCase(Locale.ROOT);
  }
}
