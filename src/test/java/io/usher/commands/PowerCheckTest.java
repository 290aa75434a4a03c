package io.usher.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.matrix.RoomEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Power levels read from a room's state, as the management room judges its members. */
final class PowerCheckTest {
  static final String CREATOR = "@bot:example.org";
  static final String ORGANISER = "@ada:example.org";
  static final String ATTENDEE = "@mallory:example.org";

  static RoomEvent state(String type, String stateKey, String sender, Map<String, Object> content) {
    return new RoomEvent("$" + type + stateKey, type, Optional.of(stateKey), sender, 0, content);
  }

  static RoomEvent create(String roomVersion, List<String> additionalCreators) {
    return state("m.room.create", "", CREATOR,
        Map.of("room_version", roomVersion, "additional_creators", additionalCreators));
  }

  static RoomEvent powerLevels(Map<String, Object> content) {
    return state("m.room.power_levels", "", CREATOR, content);
  }

  @Test
  void aListedUserHasTheirLevel() {
    List<RoomEvent> room = List.of(create("10", List.of()),
        powerLevels(Map.of("users", Map.of(ORGANISER, 50, CREATOR, 100))));

    assertThat(PowerCheck.levelOf(ORGANISER, room)).isEqualTo(50);
    assertThat(PowerCheck.levelOf(CREATOR, room)).isEqualTo(100);
  }

  @Test
  void anUnlistedUserHasTheUsersDefaultOrZero() {
    assertThat(PowerCheck.levelOf(ATTENDEE, List.of(create("10", List.of()),
        powerLevels(Map.of("users", Map.of(ORGANISER, 100), "users_default", 10))))).isEqualTo(10);
    assertThat(PowerCheck.levelOf(ATTENDEE, List.of(create("10", List.of()),
        powerLevels(Map.of("users", Map.of(ORGANISER, 100)))))).isZero();
  }

  @Test
  void withoutPowerLevelsTheCreatorHas100AndEveryoneElseZero() {
    List<RoomEvent> room = List.of(create("10", List.of()));

    assertThat(PowerCheck.levelOf(CREATOR, room)).isEqualTo(100);
    assertThat(PowerCheck.levelOf(ORGANISER, room)).isZero();
    assertThat(PowerCheck.levelOf(ORGANISER, List.of())).isZero();
  }

  @Test
  void fromRoomVersion12CreatorsAreAboveEveryLevelWithoutAUsersEntry() {
    List<RoomEvent> room = List.of(create("12", List.of(ORGANISER)),
        powerLevels(Map.of("users", Map.of(), "users_default", 0)));

    assertThat(PowerCheck.levelOf(CREATOR, room)).isEqualTo(PowerCheck.CREATOR);
    assertThat(PowerCheck.levelOf(ORGANISER, room)).isEqualTo(PowerCheck.CREATOR);
    assertThat(PowerCheck.levelOf(ATTENDEE, room)).isZero();
  }

  @Test
  void beforeRoomVersion12AdditionalCreatorsMeanNothing() {
    List<RoomEvent> room = List.of(create("11", List.of(ORGANISER)),
        powerLevels(Map.of("users", Map.of(CREATOR, 100))));

    assertThat(PowerCheck.levelOf(ORGANISER, room)).isZero();
  }

  @Test
  void onlyThePowerLevelsWithAnEmptyStateKeyCount() {
    List<RoomEvent> room = List.of(create("10", List.of()),
        state("m.room.power_levels", "spoof", ATTENDEE, Map.of("users", Map.of(ATTENDEE, 100))),
        powerLevels(Map.of("users", Map.of(CREATOR, 100))));

    assertThat(PowerCheck.levelOf(ATTENDEE, room)).isZero();
  }
}
