package io.usher.plan.diff;

import io.usher.plan.RoomKey;
import java.util.ArrayList;
import java.util.Collection;
import java.util.Comparator;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;

/**
 * The managed rooms of one conference found on the homeserver, one per key. When a crash left
 * two rooms with the same locator, the one with the smaller room id is used and the other is
 * reported in {@link #warnings()}.
 */
public final class ObservedConference {
  private final Map<RoomKey, ObservedRoom> rooms = new TreeMap<>();
  private final Map<String, RoomKey> keyByRoomId = new HashMap<>();
  private final List<String> warnings = new ArrayList<>();

  private ObservedConference() {}

  /** Keeps the rooms whose locator names {@code conferenceId}. */
  public static ObservedConference of(String conferenceId, Collection<ObservedRoom> candidates) {
    ObservedConference observed = new ObservedConference();
    candidates.stream()
        .filter(room -> room.key().conferenceId().equals(conferenceId))
        .sorted(Comparator.comparing(ObservedRoom::roomId))
        .forEach(observed::add);
    return observed;
  }

  /** No rooms: a homeserver where the conference was never applied (an offline plan). */
  public static ObservedConference empty() {
    return new ObservedConference();
  }

  private void add(ObservedRoom room) {
    ObservedRoom kept = rooms.putIfAbsent(room.key(), room);
    if (kept != null) {
      warnings.add("two rooms have the locator of " + room.key() + ": using " + kept.roomId()
          + ", ignoring " + room.roomId());
      return;
    }
    keyByRoomId.put(room.roomId(), room.key());
  }

  /** This conference with some rooms' state replaced by a fresher reading of the same rooms. */
  public ObservedConference with(Collection<ObservedRoom> fresher) {
    ObservedConference updated = new ObservedConference();
    rooms.values().forEach(updated::add);
    fresher.forEach(room -> {
      updated.rooms.put(room.key(), room);
      updated.keyByRoomId.put(room.roomId(), room.key());
    });
    updated.warnings.addAll(warnings);
    return updated;
  }

  /** The room found for this key, or empty when the homeserver has none. */
  public Optional<ObservedRoom> room(RoomKey key) {
    return Optional.ofNullable(rooms.get(key));
  }

  /** The key of the managed room with this room id ({@code !opaque:server}), if it is one. */
  public Optional<RoomKey> keyOf(String roomId) {
    return Optional.ofNullable(keyByRoomId.get(roomId));
  }

  /** Every managed room found, in key order; a read-only view. */
  public Collection<ObservedRoom> rooms() {
    return rooms.values();
  }

  /** Lines for the organiser: duplicate locators, each naming both room ids. */
  public List<String> warnings() {
    return List.copyOf(warnings);
  }
}
