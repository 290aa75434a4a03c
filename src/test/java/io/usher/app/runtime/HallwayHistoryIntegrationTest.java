package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.RecentMessages;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.cli.Main;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RoomEvent;
import io.usher.plan.RoomKind;
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
 * What the speakers said in their talk room before it became the public hallway stays theirs:
 * someone who joins the hallway reads only what is said from then on, unless the organiser opens
 * it ({@code hallway.history: open}). On the real Synapse.
 */
class HallwayHistoryIntegrationTest {
  @TempDir Path dir;

  private String hallwayAfterASecretWasSaid(String extraYaml) throws Exception {
    Instant later = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
    TestSchedule before = new TestSchedule().add(new TestTalk("1", "Talk", "Main", "Janson",
        later, Duration.ofMinutes(30), List.of("Ada")));
    Path file = before.write(dir.resolve("schedule.xml"));
    LiveBotFixture fixture = new LiveBotFixture(dir, file, extraYaml);
    assertThat(apply(fixture)).isEqualTo(0);
    String room = fixture.roomId(RoomKind.TALK, "1");
    say(fixture.reader, room, "secret before the end");

    before.moved("1", Instant.now().minus(Duration.ofHours(2)).truncatedTo(ChronoUnit.MINUTES))
        .write(file);
    assertThat(apply(fixture)).isEqualTo(0);
    fixture.assertHallway(room, true);
    say(fixture.reader, room, "said in the hallway");
    MatrixClient newcomer = fixture.synapse.user("newcomer" + UUID.randomUUID().toString()
        .substring(0, 6));
    newcomer.join(room);
    return String.join("\n", RecentMessages.of(newcomer, room, 100).stream()
        .filter(e -> "m.room.message".equals(e.type())).map(RoomEvent::content)
        .map(c -> String.valueOf(c.get("body"))).toList());
  }

  @Test
  void aHallwaysNewcomerDoesNotReadWhatWasSaidBeforeTheEnd() throws Exception {
    String read = hallwayAfterASecretWasSaid("");
    assertThat(read).contains("said in the hallway").doesNotContain("secret before the end");
  }

  @Test
  void anOrganiserCanOpenTheEarlierHistory() throws Exception {
    String read = hallwayAfterASecretWasSaid("hallway: {history: open}\n");
    assertThat(read).contains("said in the hallway").contains("secret before the end");
  }

  private static int apply(LiveBotFixture fixture) {
    return Main.run(new PrintWriter(new StringWriter(), true),
        new PrintWriter(new StringWriter(), true), "apply", "-c", fixture.config.toString());
  }

  private static void say(MatrixClient who, String room, String text) {
    who.sendMessage(room, UUID.randomUUID().toString(), Map.of("msgtype", "m.text",
        "body", text));
  }
}
