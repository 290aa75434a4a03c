package io.usher.apply;

import io.usher.plan.RoomKey;
import java.util.List;
import java.util.Map;

/**
 * What an apply did.
 *
 * @param created the rooms created, by key: their new room ids
 * @param failures one line per action that failed after retries: the room, the action and the
 *     homeserver's error
 * @param warnings things done differently than planned (e.g. an alias taken by another room)
 */
public record ApplyResult(int actions, Map<RoomKey, String> created, List<String> failures,
    List<String> warnings) {

  /** Copies the map and lists. */
  public ApplyResult {
    created = Map.copyOf(created);
    failures = List.copyOf(failures);
    warnings = List.copyOf(warnings);
  }

  /** How many rooms this run created. */
  public int roomsCreated() {
    return created.size();
  }

  /** Whether every action succeeded. */
  public boolean ok() {
    return failures.isEmpty();
  }
}
