package io.usher.apply;

import io.usher.matrix.StateEvent;
import io.usher.matrix.SyncResponse;
import java.util.ArrayList;
import java.util.Collection;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * What this process wrote and has not yet seen read back: rooms created, rooms left, state set.
 * Behind Synapse workers a read is served by a worker that learns of a write only when the
 * event persister's replication reaches it, so a read right after a write can miss it
 * (https://element-hq.github.io/synapse/latest/workers.html); the writes the homeserver
 * answered 200 to are the proof that a read missing them is stale, not that the write was lost.
 * Thread-safe: the executor writes from several threads.
 */
final class Written {
  private record Slot(String roomId, String type, String stateKey) {}

  private final Set<String> created = ConcurrentHashMap.newKeySet();
  private final Set<String> left = ConcurrentHashMap.newKeySet();
  private final Map<Slot, Map<String, Object>> state = new ConcurrentHashMap<>();

  void created(String roomId) {
    left.remove(roomId);
    created.add(roomId);
  }

  void left(String roomId) {
    created.remove(roomId);
    state.keySet().removeIf(slot -> slot.roomId().equals(roomId));
    left.add(roomId);
  }

  void stateSet(String roomId, String type, String stateKey, Map<String, Object> content) {
    state.put(new Slot(roomId, type, stateKey), content);
  }

  boolean isEmpty() {
    return created.isEmpty() && left.isEmpty() && state.isEmpty();
  }

  /**
   * The writes a {@code /sync} answer should show but does not, described for a log line; the
   * ones it shows are forgotten. Only rooms in {@code rooms} (empty: every room) and state of
   * {@code stateTypes} are checked, the part of the homeserver the filter asked for.
   *
   * @param full whether the answer is a full read (a room left is absent from it) or the
   *     changes since a token (a room left is among its left rooms)
   */
  List<String> missingFrom(SyncResponse sync, Collection<String> rooms,
      Collection<String> stateTypes, boolean full) {
    List<String> missing = new ArrayList<>();
    created.removeIf(roomId -> sync.joined().containsKey(roomId));
    created.stream().filter(roomId -> rooms.isEmpty() || rooms.contains(roomId))
        .forEach(roomId -> missing.add("room " + roomId + " created"));
    left.removeIf(roomId -> full ? !sync.joined().containsKey(roomId)
        : sync.left().contains(roomId));
    left.forEach(roomId -> missing.add("room " + roomId + " left"));
    state.entrySet().removeIf(e -> shows(sync, e.getKey(), e.getValue()));
    state.keySet().stream().filter(slot -> stateTypes.contains(slot.type()))
        .filter(slot -> rooms.isEmpty() || rooms.contains(slot.roomId()))
        .forEach(slot -> missing.add(slot.type() + " in " + slot.roomId()));
    return missing;
  }

  /** As the {@code /sync} one, for one room's state ({@code GET /rooms/{roomId}/state}). */
  List<String> missingFrom(String roomId, Collection<StateEvent> roomState) {
    List<String> missing = new ArrayList<>();
    created.remove(roomId);
    state.entrySet().removeIf(e -> e.getKey().roomId().equals(roomId)
        && roomState.stream().anyMatch(event -> matches(event, e.getKey(), e.getValue())));
    state.keySet().stream().filter(slot -> slot.roomId().equals(roomId))
        .forEach(slot -> missing.add(slot.type() + " in " + roomId));
    return missing;
  }

  /** Whether a write to this room is still to be seen. */
  boolean concerns(String roomId) {
    return created.contains(roomId)
        || state.keySet().stream().anyMatch(slot -> slot.roomId().equals(roomId));
  }

  /** Gives up on what a read still misses after the bound: someone may have changed it since. */
  void forgetAll() {
    created.clear();
    left.clear();
    state.clear();
  }

  private static boolean shows(SyncResponse sync, Slot slot, Map<String, Object> content) {
    return Optional.ofNullable(sync.joined().get(slot.roomId()))
        .map(room -> room.state().stream().anyMatch(event -> matches(event, slot, content)))
        .orElse(false);
  }

  private static boolean matches(StateEvent event, Slot slot, Map<String, Object> content) {
    return event.type().equals(slot.type()) && event.stateKey().equals(slot.stateKey())
        && sameJson(event.content(), content);
  }

  /** JSON equality: numbers by value (the parser's Integer is the writer's Long). */
  static boolean sameJson(Object a, Object b) {
    if (a instanceof Number x && b instanceof Number y) {
      return x.doubleValue() == y.doubleValue();
    }
    if (a instanceof Map<?, ?> x && b instanceof Map<?, ?> y) {
      return x.size() == y.size() && x.entrySet().stream()
          .allMatch(e -> y.containsKey(e.getKey()) && sameJson(e.getValue(), y.get(e.getKey())));
    }
    if (a instanceof List<?> x && b instanceof List<?> y) {
      if (x.size() != y.size()) {
        return false;
      }
      for (int i = 0; i < x.size(); i++) {
        if (!sameJson(x.get(i), y.get(i))) {
          return false;
        }
      }
      return true;
    }
    return Objects.equals(a, b);
  }
}
