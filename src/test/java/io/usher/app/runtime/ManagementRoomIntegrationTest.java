package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.usher.RecentMessages;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.cli.Main;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RoomEvent;
import io.usher.plan.RoomKind;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** The management room on the real Synapse: who may command the bot, and what commands do. */
class ManagementRoomIntegrationTest {
  @TempDir Path dir;

  LiveBotFixture fixture;
  LiveBot bot;
  String room;
  MatrixClient admin;
  MatrixClient mallory;
  TestSchedule schedule;
  Path file;

  @BeforeEach
  void start() throws Exception {
    Instant tomorrow = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
    Instant earlier = Instant.now().minus(Duration.ofHours(3)).truncatedTo(ChronoUnit.MINUTES);
    schedule = new TestSchedule()
        .add(new TestTalk("1", "Opening", "Main", "Janson", tomorrow, Duration.ofMinutes(30),
            List.of("Ada")))
        .add(new TestTalk("2", "Closing", "Main", "Janson", tomorrow.plusSeconds(3600),
            Duration.ofMinutes(30), List.of("Bo")))
        .add(new TestTalk("9", "Warm-up that already happened", "Main", "Janson", earlier,
            Duration.ofMinutes(20), List.of("Cy")));
    file = schedule.write(dir.resolve("schedule.xml"));
    String alias = "#mgmt" + UUID.randomUUID().toString().substring(0, 8) + ":localhost";
    fixture = new LiveBotFixture(dir, file, "management_room: \"" + alias + "\"\n");
    bot = fixture.start(Clock.systemUTC());
    room = bot.managementRoomId().orElseThrow();
    admin = fixture.synapse.admin();
    admin.join(room);
    mallory = fixture.synapse.user("mallory");
    fixture.reader.invite(room, "@mallory:localhost");
    mallory.join(room);
  }

  @AfterEach
  void stop() {
    bot.close();
  }

  private String say(MatrixClient who, String text) {
    String eventId = who.sendMessage(room, UUID.randomUUID().toString(),
        Map.of("msgtype", "m.text", "body", text));
    return await().atMost(Duration.ofSeconds(20)).until(() -> replyAfter(eventId), r -> r != null);
  }

  /** The bot's first answer after a message (skipped-phase notices aside), or null. */
  private String replyAfter(String eventId) {
    List<RoomEvent> events = RecentMessages.of(fixture.reader, room, 50);
    int command = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).eventId().equals(eventId)) {
        command = i;
      }
    }
    for (int i = command + 1; command >= 0 && i < events.size(); i++) {
      if (events.get(i).sender().equals("@bot:localhost")
          && !events.get(i).text("body").startsWith("Skipped")) {
        return events.get(i).text("body");
      }
    }
    return null;
  }

  @Test
  void commandsFromAMemberBelowPowerLevel50ChangeNothing() throws Exception {
    assertThat(say(mallory, "!usher pause")).startsWith("Sorry @mallory:localhost")
        .contains("power level 50");
    assertThat(bot.status().paused()).isFalse();

    schedule.without("2").write(file);
    assertThat(say(mallory, "!usher refresh")).startsWith("Sorry");
    assertThat(say(mallory, "!usher apply")).startsWith("Sorry");
    assertThat(bot.upcoming(java.util.Optional.empty(), 50))
        .anyMatch(u -> u.talk().id().value().equals("2"));

    assertThat(say(admin, "!usher refresh")).startsWith("Refreshed: schedule changed");
    assertThat(bot.upcoming(java.util.Optional.empty(), 50))
        .noneMatch(u -> u.talk().id().value().equals("2"));
  }

  @Test
  void organisersRunTheBotFromTheRoom() {
    assertThat(say(admin, "!usher status")).contains("Schedule: " + file)
        .contains("Rooms: 8").contains("Next phases:").contains("Opening");
    assertThat(say(admin, "!usher pause")).startsWith("Paused");
    assertThat(bot.status().paused()).isTrue();
    assertThat(say(admin, "!usher run")).startsWith("Running");
    assertThat(bot.status().paused()).isFalse();
    assertThat(say(admin, "!usher schedule main")).contains("reminder  Opening (Main)")
        .contains("start  Closing (Main)");
    assertThat(say(admin, "!usher plan")).contains("nothing to do");
    assertThat(say(admin, "!usher apply")).startsWith("Applied: 0 actions");
    assertThat(say(admin, "!usher dance")).startsWith("Unknown command “dance”")
        .contains("!usher status");
  }

  @Test
  void phasesMissedByMoreThanTheGraceAreSkippedAndReportedButTheHallwayOpens() {
    List<RoomEvent> notices = RecentMessages.of(fixture.reader, room, 50);
    assertThat(notices).map(e -> e.text("body"))
        .filteredOn(b -> b.startsWith("Skipped")).singleElement().asString()
        .startsWith("Skipped 5 announcements")
        .contains("1 reminder, 1 up next, 1 start, 1 end warning, 1 end");
    fixture.assertHallway(fixture.roomId(RoomKind.TALK, "9"), true);
    assertThat(fixture.announcements(fixture.roomId(RoomKind.TRACK, "main")))
        .noneMatch(m -> m.startsWith("9/"));
  }
}
