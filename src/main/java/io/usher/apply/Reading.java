package io.usher.apply;

import io.usher.matrix.StateEvent;
import io.usher.matrix.SyncResponse;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * Everything one filtered {@code /sync} told of the bot's joined rooms, kept between processes
 * so that the next one asks only for what changed since ({@code since = nextBatch},
 * https://spec.matrix.org/latest/client-server-api/#syncing): every joined room's state of the
 * reader's types and its announcement records.
 *
 * @param filterKey the state and account data types read: a reading of other types is not used
 * @param nextBatch the {@code next_batch} this reading is complete at
 * @param state by room id, its state events (one per type and state_key)
 * @param records by room id, its {@value Announcer#RECORD_TYPE} room account data
 */
public record Reading(String filterKey, String nextBatch, Map<String, List<StateEvent>> state,
    Map<String, Map<String, Object>> records) {

  public Reading {
    state = Map.copyOf(state);
    records = Map.copyOf(records);
  }

  /** The reading of a full {@code /sync} (no {@code since}). */
  static Reading of(String filterKey, SyncResponse full) {
    return new Reading(filterKey, full.nextBatch(), Map.of(), Map.of()).plus(full);
  }

  /**
   * This reading brought up to date by the answer to a {@code /sync} from its
   * {@link #nextBatch}: rooms left are dropped, each changed state event replaces the one of
   * its type and state_key (a room joined since arrives with its whole state), changed records
   * replace the old ones.
   */
  Reading plus(SyncResponse changes) {
    Map<String, List<StateEvent>> rooms = new HashMap<>(state);
    Map<String, Map<String, Object>> kept = new HashMap<>(records);
    changes.left().forEach(roomId -> {
      rooms.remove(roomId);
      kept.remove(roomId);
    });
    changes.joined().forEach((roomId, joined) -> {
      Map<String, StateEvent> slots = new LinkedHashMap<>();
      rooms.getOrDefault(roomId, List.of()).forEach(e -> slots.put(slot(e), e));
      joined.state().forEach(e -> slots.put(slot(e), e));
      rooms.put(roomId, List.copyOf(slots.values()));
      Map<String, Object> record = joined.accountData().get(Announcer.RECORD_TYPE);
      if (record != null) {
        kept.put(roomId, record);
      }
    });
    return new Reading(filterKey, changes.nextBatch(), rooms, kept);
  }

  /**
   * This reading without the rooms the bot is no longer in: those not in {@code joined} (the
   * homeserver's {@code /joined_rooms}) unless {@code changes} (read just before) showed them
   * joined. Needed because an incremental {@code /sync} whose filter keeps no membership
   * leaves a room left since out of its answer (Synapse drops an archived room with nothing
   * to show).
   */
  Reading within(Set<String> joined, SyncResponse changes) {
    Map<String, List<StateEvent>> rooms = new HashMap<>(state);
    rooms.keySet().removeIf(id -> !joined.contains(id) && !changes.joined().containsKey(id));
    Map<String, Map<String, Object>> kept = new HashMap<>(records);
    kept.keySet().retainAll(rooms.keySet());
    return new Reading(filterKey, nextBatch, rooms, kept);
  }

  private static String slot(StateEvent event) {
    return event.type() + '\u0000' + event.stateKey();
  }
}
