package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.LocalSynapse;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.cli.Main;
import io.usher.matrix.CreateRoomRequest;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RoomEvent;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Whoever creates the management room's alias before the bot's first start must not command
 * the bot: {@code usher run} refuses such a room at start, on standard error with exit code 2,
 * and leaves it. On the real Synapse.
 */
class SquattedManagementRoomIntegrationTest {
  @TempDir Path dir;

  @Test
  void aManagementRoomSomeoneElseMadeIsRefusedAtStart() throws Exception {
    LocalSynapse synapse = LocalSynapse.get();
    String localpart = "ops" + UUID.randomUUID().toString().substring(0, 8);
    MatrixClient mallory = synapse.user("mallory");
    String squatted = mallory.createRoom(new CreateRoomRequest("public_chat", "public", localpart,
        "Ops", null, List.of(), null, List.of(), null, null));
    Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
    Path schedule = new TestSchedule().add(new TestTalk("1", "Opening", "Main", "Janson",
        tomorrow, Duration.ofMinutes(30), List.of("Ada"))).write(dir.resolve("schedule.xml"));
    LiveBotFixture fixture = new LiveBotFixture(dir, schedule,
        "management_room: \"#" + localpart + ":localhost\"\n");
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();

    int code = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "run", "-c",
        fixture.config.toString(), "--for", "2s", "--no-web");

    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains("usher: management_room #" + localpart + ":localhost ("
        + squatted + ") is refused: it was created by @mallory:localhost, not by the bot")
        .contains("@mallory:localhost has unlimited power (a creator), more than the"
            + " organisers'");
    assertThat(out.toString()).doesNotContain("Running ");
    String bot = synapse.bot().whoami().userId();
    assertThat(mallory.members(squatted)).as("the bot left the room it refused")
        .filteredOn(e -> e.stateKey().orElse("").equals(bot))
        .allMatch(e -> !"join".equals(e.content().get("membership")));
  }
}
