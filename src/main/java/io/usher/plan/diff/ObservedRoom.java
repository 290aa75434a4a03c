package io.usher.plan.diff;

import io.usher.plan.RoomKey;
import java.util.Map;
import java.util.Optional;

/** A managed room as the homeserver has it: its key (from its locator), id and state. */
public record ObservedRoom(RoomKey key, String roomId, Map<StateSlot, Map<String, Object>> state) {

  public ObservedRoom {
    state = Map.copyOf(state);
  }

  public Optional<Map<String, Object>> state(String type, String stateKey) {
    return Optional.ofNullable(state.get(new StateSlot(type, stateKey)));
  }
}
