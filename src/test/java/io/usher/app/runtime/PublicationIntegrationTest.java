package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.usher.LocalSynapse;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.cli.Main;
import io.usher.matrix.RoomDirectory;
import io.usher.plan.RoomKind;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * On the project's own Synapse, track rooms are in the public room list and a guest can join a
 * hallway: {@code scripts/synapse} allows what Usher's rooms promise, and apply would say so
 * if the homeserver dropped the publication.
 */
class PublicationIntegrationTest {
  @TempDir Path dir;

  @Test
  void trackRoomsAreListedAndGuestsJoinHallways() throws Exception {
    Instant earlier = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
    Path schedule = new TestSchedule().add(new TestTalk("1", "Over already", "Main", "Janson",
        earlier, Duration.ofMinutes(30), List.of("Ada"))).write(dir.resolve("schedule.xml"));
    LiveBotFixture fixture = new LiveBotFixture(dir, schedule, "");
    StringWriter out = new StringWriter();
    assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(new StringWriter(), true),
        "apply", "-c", fixture.config.toString())).isEqualTo(0);
    assertThat(out.toString()).doesNotContain("not in the public room list");

    LocalSynapse synapse = fixture.synapse;
    String track = fixture.roomId(RoomKind.TRACK, "main");
    assertThat(new RoomDirectory(synapse.bot()).isPublished(track)).contains(true);

    String guest = new ObjectMapper().readTree(synapse.post(
        "/_matrix/client/v3/register?kind=guest", null, "{}")).path("access_token").asText();
    String hallway = fixture.roomId(RoomKind.TALK, "1");
    fixture.assertHallway(hallway, true);
    String joined = synapse.post("/_matrix/client/v3/join/" + hallway.replace("!", "%21"),
        guest, "{}");
    assertThat(joined).contains(hallway);
  }
}
