package io.usher.plan.people;

import io.usher.plan.RoomKey;
import io.usher.schedule.Role;

/**
 * One person's place in one room: the role that puts them there and their power (0: invited
 * without power).
 */
public record Seat(Contact person, Role role, RoomKey room, int power) {
  /** The role's name ({@code speaker}, {@code track_manager}, ...). */
  public String roleName() {
    return role.wireName();
  }
}
