package io.usher.plan;

/** What makes a track: the schedule's {@code <track>} (FOSDEM devrooms) or its room (CCC stages). */
public enum TrackGrouping {
  /** One track per schedule track; a talk with no track falls back to its room. */
  TRACK,
  /** One track per schedule room. */
  ROOM
}
