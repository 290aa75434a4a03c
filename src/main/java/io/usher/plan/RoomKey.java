package io.usher.plan;

import java.util.Objects;

/**
 * The deterministic identity of a managed room: kind, conference id and an id within the kind
 * (talk id for talk rooms, track id for track rooms, backstages and track spaces, group id for
 * subspaces, empty for the conference space). Found again on the homeserver through the room's
 * locator, so renames and reschedules never make a new room.
 */
public record RoomKey(RoomKind kind, String conferenceId, String id) implements Comparable<RoomKey> {
  public RoomKey {
    Objects.requireNonNull(kind, "kind");
    Objects.requireNonNull(conferenceId, "conferenceId");
    Objects.requireNonNull(id, "id");
  }

  @Override
  public int compareTo(RoomKey other) {
    int byKind = kind.compareTo(other.kind);
    return byKind != 0 ? byKind : id.compareTo(other.id);
  }

  @Override
  public String toString() {
    return kind.wireName() + (id.isEmpty() ? "" : ":" + id);
  }
}
