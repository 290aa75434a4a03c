package io.usher.plan;

import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Every room a conference should have, children before the spaces that list them, and the tracks
 * they were planned from, and what the organiser should know of it.
 *
 * @param warnings lines for the plan (people who cannot be reached, ...)
 */
public record DesiredConference(String conferenceId, String name, List<DesiredRoom> rooms,
    List<PlannedTrack> tracks, List<String> warnings) {

  public DesiredConference {
    rooms = List.copyOf(rooms);
    tracks = List.copyOf(tracks);
    warnings = List.copyOf(warnings);
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

  /**
   * The event ids of every talk in the schedule, also when {@link #only} keeps some rooms:
   * a talk's room whose id is not here belongs to a cancelled talk.
   */
  public Set<String> talkIds() {
    return tracks.stream().flatMap(t -> t.talks().stream()).map(t -> t.id().value())
        .collect(Collectors.toSet());
  }

  /** The keys of the rooms that are new or differ from the same room in {@code before}. */
  public Set<RoomKey> changedSince(DesiredConference before) {
    Map<RoomKey, DesiredRoom> old = before.byKey();
    return rooms.stream().filter(room -> !room.equals(old.get(room.key())))
        .map(DesiredRoom::key).collect(Collectors.toCollection(LinkedHashSet::new));
  }

  /** The same conference restricted to the rooms with these keys, for a partial reconcile. */
  public DesiredConference only(Set<RoomKey> keys) {
    return new DesiredConference(conferenceId, name,
        rooms.stream().filter(room -> keys.contains(room.key())).toList(), tracks, warnings);
  }

  /**
   * The track with this name or id (case-insensitive) and the keys of its rooms: its space,
   * track room, backstage and talk rooms.
   */
  public Optional<Map.Entry<PlannedTrack, Set<RoomKey>>> track(String nameOrId) {
    String wanted = nameOrId.strip().toLowerCase(Locale.ROOT);
    return tracks.stream()
        .filter(t -> t.id().equals(wanted)
            || t.name().toLowerCase(Locale.ROOT).equals(wanted))
        .findFirst().map(t -> {
          Set<RoomKey> keys = new HashSet<>();
          for (RoomKind kind : List.of(RoomKind.TRACK_SPACE, RoomKind.TRACK, RoomKind.BACKSTAGE)) {
            keys.add(new RoomKey(kind, conferenceId, t.id()));
          }
          t.talks().forEach(talk -> keys.add(new RoomKey(RoomKind.TALK, conferenceId,
              talk.id().value())));
          return Map.entry(t, keys);
        });
  }

  /** The conference space. */
  public DesiredRoom root() {
    return rooms.stream().filter(r -> r.key().kind() == RoomKind.CONFERENCE_SPACE).findFirst()
        .orElseThrow();
  }
}
