package io.usher.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.matrix.RoomEvent;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Which existing rooms the bot takes orders in, when it did not create them. */
class ManagementRoomTrustTest {
  private static final String BOT = "@usher:localhost";
  private static final String ADMIN = "@admin:localhost";
  private static final String MALLORY = "@mallory:localhost";

  private static RoomEvent create(String sender, String version) {
    return new RoomEvent("$c", "m.room.create", Optional.of(""), sender, 1,
        Map.of("room_version", version));
  }

  private static RoomEvent power(Map<String, Object> users, int usersDefault) {
    return new RoomEvent("$p", "m.room.power_levels", Optional.of(""), ADMIN, 2,
        Map.of("users", users, "users_default", usersDefault));
  }

  private static Optional<String> refusal(RoomEvent... state) {
    return ManagementRoomTrust.refusal(List.of(state), BOT, List.of(ADMIN));
  }

  @Test
  void aRoomTheBotCreatedIsTrusted() {
    assertThat(refusal(create(BOT, "10"), power(Map.of(MALLORY, 100), 0))).isEmpty();
  }

  @Test
  void aSquattedAliasIsRefusedWithWhoHoldsThePower() {
    assertThat(refusal(create(MALLORY, "10"), power(Map.of(MALLORY, 100), 0)))
        .hasValueSatisfying(why -> assertThat(why)
            .startsWith("it was created by @mallory:localhost, not by the bot")
            .contains("@admin:localhost (an organiser) has power 0, below the 50 commands need")
            .contains("@mallory:localhost has power 100, more than the organisers'"));
  }

  @Test
  void aRoomThatLeavesTheOrganisersInControlIsTrusted() {
    assertThat(refusal(create(ADMIN, "10"),
        power(Map.of(ADMIN, 100, MALLORY, 50, BOT, 100), 0))).isEmpty();
    assertThat(refusal(create(ADMIN, "12"), power(Map.of(BOT, 100), 0))).isEmpty();
  }

  @Test
  void aCreatorsImplicitPowerAndAGenerousDefaultAreRefused() {
    assertThat(refusal(create(MALLORY, "12"), power(Map.of(ADMIN, 100), 0)))
        .hasValueSatisfying(why -> assertThat(why)
            .contains("@mallory:localhost has unlimited power (a creator)"));
    assertThat(refusal(create(ADMIN, "10"), power(Map.of(ADMIN, 100), 50)))
        .hasValueSatisfying(why -> assertThat(why)
            .contains("everyone has power 50 by default (users_default)"));
  }

  @Test
  void withoutOrganisersOnlyTheBotsOwnRoomIsTrusted() {
    assertThat(ManagementRoomTrust.refusal(List.of(create(ADMIN, "10")), BOT, List.of()))
        .hasValueSatisfying(why -> assertThat(why).contains("no organisers are configured"));
  }
}
