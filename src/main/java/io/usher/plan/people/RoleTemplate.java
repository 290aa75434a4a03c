package io.usher.plan.people;

import io.usher.plan.RoomKind;
import io.usher.schedule.Role;
import java.util.EnumMap;
import java.util.Map;
import java.util.Set;

/**
 * Which rooms each role is invited to and the power it has there, from config
 * ({@code roles:}). The rooms are those of the role's track or talk: {@code talk} is the talk's
 * room (every talk room of the track for a track role), {@code backstage}, {@code track} and
 * {@code track_space} the track's. Power 0 means invited without power.
 */
public record RoleTemplate(Map<Role, Map<RoomKind, Integer>> rooms) {
  /** The room kinds a role can be given. */
  public static final Set<RoomKind> KINDS =
      Set.of(RoomKind.TRACK_SPACE, RoomKind.TRACK, RoomKind.BACKSTAGE, RoomKind.TALK);

  public RoleTemplate {
    Map<Role, Map<RoomKind, Integer>> copy = new EnumMap<>(Role.class);
    rooms.forEach((role, kinds) -> copy.put(role, Map.copyOf(kinds)));
    rooms = Map.copyOf(copy);
  }

  /**
   * Speakers and hosts: their talk room as moderators (50) and their track's backstage;
   * coordinators and track managers: the track room and backstage as moderators.
   */
  public static RoleTemplate defaults() {
    Map<RoomKind, Integer> talk = Map.of(RoomKind.TALK, 50, RoomKind.BACKSTAGE, 0);
    Map<RoomKind, Integer> track = Map.of(RoomKind.TRACK, 50, RoomKind.BACKSTAGE, 50);
    return new RoleTemplate(Map.of(Role.SPEAKER, talk, Role.HOST, talk,
        Role.COORDINATOR, track, Role.TRACK_MANAGER, track));
  }

  /** This template with one role's rooms replaced. */
  public RoleTemplate with(Role role, Map<RoomKind, Integer> roleRooms) {
    Map<Role, Map<RoomKind, Integer>> copy = new EnumMap<>(Role.class);
    copy.putAll(rooms);
    copy.put(role, roleRooms);
    return new RoleTemplate(copy);
  }

  Map<RoomKind, Integer> roomsOf(Role role) {
    return rooms.getOrDefault(role, Map.of());
  }
}
