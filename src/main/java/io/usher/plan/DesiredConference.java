package io.usher.plan;

import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;

/**
 * Every room a conference should have, children before the spaces that list them, and the tracks
 * they were planned from, and the roster of people in them.
 */
public record DesiredConference(String conferenceId, String name, List<DesiredRoom> rooms,
    List<PlannedTrack> tracks, Roster roster) {

  public DesiredConference {
    rooms = List.copyOf(rooms);
    tracks = List.copyOf(tracks);
  }

  /** The rooms by key, in {@link #rooms()} order. */
  public Map<RoomKey, DesiredRoom> byKey() {
    Map<RoomKey, DesiredRoom> byKey = new LinkedHashMap<>();
    rooms.forEach(room -> byKey.put(room.key(), room));
    return byKey;
  }

  public Optional<DesiredRoom> room(RoomKey key) {
    return rooms.stream().filter(room -> room.key().equals(key)).findFirst();
  }

  /** The same conference restricted to the rooms with these keys, for a partial reconcile. */
  public DesiredConference only(Set<RoomKey> keys) {
    return new DesiredConference(conferenceId, name,
        rooms.stream().filter(room -> keys.contains(room.key())).toList(), tracks, roster);
  }

  /** The conference space. */
  public DesiredRoom root() {
    return rooms.stream().filter(r -> r.key().kind() == RoomKind.CONFERENCE_SPACE).findFirst()
        .orElseThrow();
  }
}
