package io.usher.commands;

import io.usher.matrix.RoomEvent;
import io.usher.matrix.RoomVersions;
import java.util.List;
import java.util.Map;

/**
 * A user's power level in a room, from its state
 * (https://spec.matrix.org/latest/client-server-api/#mroompower_levels). In room version 12 and
 * later the creators (the {@code m.room.create} sender and {@code additional_creators}) have
 * unlimited power without a {@code users} entry (MSC4289).
 */
final class PowerCheck {
  static final long CREATOR = Long.MAX_VALUE;

  private PowerCheck() {}

  static long levelOf(String userId, List<RoomEvent> state) {
    RoomEvent create = find(state, "m.room.create");
    if (create != null && creatorsArePrivileged(create) && isCreator(userId, create)) {
      return CREATOR;
    }
    RoomEvent powerLevels = find(state, "m.room.power_levels");
    if (powerLevels == null) {
      // Without power levels the creator has 100, everyone else 0.
      return create != null && create.sender().equals(userId) ? 100 : 0;
    }
    Map<String, Object> content = powerLevels.content();
    if (content.get("users") instanceof Map<?, ?> users && users.get(userId) instanceof Number n) {
      return n.longValue();
    }
    return content.get("users_default") instanceof Number n ? n.longValue() : 0;
  }

  private static boolean creatorsArePrivileged(RoomEvent create) {
    return RoomVersions.creatorsHaveImplicitPower(create.text("room_version"));
  }

  private static boolean isCreator(String userId, RoomEvent create) {
    return create.sender().equals(userId)
        || create.content().get("additional_creators") instanceof List<?> more
        && more.contains(userId);
  }

  /** The state event of {@code type} with an empty state key, or null. */
  static RoomEvent find(List<RoomEvent> state, String type) {
    return state.stream().filter(e -> e.type().equals(type) && e.stateKey().orElse("x").isEmpty())
        .findFirst().orElse(null);
  }
}
