package io.usher.plan.diff;

import io.usher.plan.RoomKey;
import java.util.Map;
import java.util.Optional;

/**
 * A managed room as the homeserver has it: its key (from its locator), id and state.
 *
 * @param roomId the room id, {@code !opaque:server}
 * @param state the content of each state event read, by type and state_key; only the types
 *     Usher manages are read
 */
public record ObservedRoom(RoomKey key, String roomId, Map<StateSlot, Map<String, Object>> state) {

  /** Copies the state map. */
  public ObservedRoom {
    state = Map.copyOf(state);
  }

  /**
   * The content of the state event with this type and state_key ({@code ""} for most), or empty
   * when the room has none (or it was not read).
   */
  public Optional<Map<String, Object>> state(String type, String stateKey) {
    return Optional.ofNullable(state.get(new StateSlot(type, stateKey)));
  }
}
