package io.usher.plan;

import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;

/**
 * What a {@link Furnishing} adds to the rooms, by room key: power levels per user, invitees and
 * state events, and warnings for the plan.
 *
 * @param powers user id to power level, per room; merged with other sources at the highest level
 * @param invitees who should be invited to each room
 * @param state further state events of each room (widgets, their layout)
 * @param warnings lines for the organiser, shown with the plan
 */
public record Furnished(Map<RoomKey, Map<String, Integer>> powers,
    Map<RoomKey, List<Invitee>> invitees, Map<RoomKey, List<DesiredStateEvent>> state,
    List<String> warnings) {

  public Furnished {
    powers = Map.copyOf(powers);
    invitees = Map.copyOf(invitees);
    state = Map.copyOf(state);
    warnings = List.copyOf(warnings);
  }

  /** Adds nothing. */
  public static Furnished nothing() {
    return new Furnished(Map.of(), Map.of(), Map.of(), List.of());
  }

  /** Both together: powers at the higher level, invitees, state and warnings one after another. */
  Furnished plus(Furnished other) {
    Map<RoomKey, Map<String, Integer>> p = new HashMap<>();
    for (Furnished f : List.of(this, other)) {
      f.powers.forEach((room, users) -> users.forEach((user, level) -> p
          .computeIfAbsent(room, r -> new LinkedHashMap<>()).merge(user, level, Math::max)));
    }
    List<String> w = new ArrayList<>(warnings);
    w.addAll(other.warnings);
    return new Furnished(p, concat(invitees, other.invitees), concat(state, other.state), w);
  }

  private static <T> Map<RoomKey, List<T>> concat(Map<RoomKey, List<T>> a,
      Map<RoomKey, List<T>> b) {
    Map<RoomKey, List<T>> out = new HashMap<>(a);
    b.forEach((room, items) -> out.merge(room, items, (x, y) -> {
      List<T> all = new ArrayList<>(x);
      all.addAll(y);
      return all;
    }));
    return out;
  }
}
