package io.usher.plan;

import java.util.Arrays;
import java.util.Optional;

/** What a managed room is for; written into its locator as {@code kind}. */
public enum RoomKind {
  /** The conference's top-level space. */
  CONFERENCE_SPACE("conference-space", true),
  /** A space that groups track spaces (or a big track's talk rooms) so no space exceeds 50. */
  SUBSPACE("subspace", true),
  /** A track's space: its track room, backstage and talk rooms. */
  TRACK_SPACE("track-space", true),
  /** The public room of a track (a FOSDEM devroom) where attendees follow talks. */
  TRACK("track", false),
  /** The private room of a track's speakers, hosts and organisers. */
  BACKSTAGE("backstage", false),
  /** The private room of one talk; a hallway once the talk has ended. */
  TALK("talk", false),
  /**
   * The organisers' and moderators' private space: its members may join every backstage and
   * talk room (their {@code restricted} join rule allows them), so none needs an invite.
   */
  STAFF_SPACE("staff-space", true);

  private final String wireName;
  private final boolean space;

  RoomKind(String wireName, boolean space) {
    this.wireName = wireName;
    this.space = space;
  }

  /** The name used in locators. */
  public String wireName() {
    return wireName;
  }

  /** Whether rooms of this kind are spaces ({@code m.space}). */
  public boolean isSpace() {
    return space;
  }

  /** The kind whose {@link #wireName()} is {@code name}, if any. */
  public static Optional<RoomKind> fromWireName(String name) {
    return Arrays.stream(values()).filter(k -> k.wireName.equals(name)).findFirst();
  }
}
