package io.usher.matrix;

import java.util.Optional;

/** Facts about room versions (https://spec.matrix.org/latest/rooms/). */
public final class RoomVersions {
  private RoomVersions() {}

  /**
   * Whether a room version gives its creators unlimited power without a power levels
   * {@code users} entry: version 12 and later (MSC4289), and the unstable "hydra" versions.
   * In such rooms a creator must not be listed in {@code users}.
   */
  public static boolean creatorsHaveImplicitPower(String roomVersion) {
    if (roomVersion == null || roomVersion.isEmpty()) {
      return false;
    }
    try {
      return Integer.parseInt(roomVersion) >= 12;
    } catch (NumberFormatException unstable) {
      return roomVersion.contains("hydra");
    }
  }

  /**
   * Whether rooms of this version take the {@code restricted} join rule
   * (https://spec.matrix.org/latest/rooms/#feature-matrix): version 8 and later; empty for a
   * version that is not a number (an unstable one), whose features cannot be told from its name.
   */
  public static Optional<Boolean> supportsRestrictedJoins(String roomVersion) {
    try {
      return Optional.of(Integer.parseInt(roomVersion) >= 8);
    } catch (NumberFormatException unstable) {
      return Optional.empty();
    }
  }
}
