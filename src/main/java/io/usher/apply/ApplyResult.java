package io.usher.apply;

import java.util.List;

/**
 * What an apply did.
 *
 * @param failures one line per action that failed after retries: the room, the action and the
 *     homeserver's error
 * @param warnings things done differently than planned (e.g. an alias taken by another room)
 */
public record ApplyResult(int actions, int roomsCreated, List<String> failures,
    List<String> warnings) {

  public ApplyResult {
    failures = List.copyOf(failures);
    warnings = List.copyOf(warnings);
  }

  public boolean ok() {
    return failures.isEmpty();
  }
}
