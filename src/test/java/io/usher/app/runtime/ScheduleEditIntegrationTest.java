package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.usher.LocalSynapse;
import io.usher.RecentMessages;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.config.TestConfigs;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RoomEvent;
import io.usher.plan.StateTypes;
import io.usher.schedule.ScheduleDiff;
import java.nio.file.Files;
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
 * A schedule edited after apply, on the real Synapse: one talk moved in time, one to another
 * track, one renamed, one cancelled, one added. The plan has exactly those changes, applying it
 * leaves the homeserver as v2 wants, and a third apply writes nothing.
 */
class ScheduleEditIntegrationTest {
  @TempDir Path dir;

  static TestTalk talk(Instant s, String id, String title, String track, int minutes,
      String speaker) {
    return new TestTalk(id, title, track, track.equals("Alpha") ? "A.1" : "B.1",
        s.plus(Duration.ofMinutes(minutes)), Duration.ofMinutes(25), List.of(speaker));
  }

  @Test
  void movedRetrackedRenamedCancelledAndAddedTalksReachTheHomeserver() throws Exception {
    LocalSynapse synapse = LocalSynapse.get();
    MatrixClient bot = synapse.bot();
    synapse.user("se-pat");
    String conf = "se" + UUID.randomUUID().toString().substring(0, 8);
    Instant s = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
    TestSchedule v1 = new TestSchedule()
        .add(talk(s, "1", "Moving in time", "Alpha", 0, "Ann"))
        .add(talk(s, "2", "Old name", "Alpha", 30, "Bob"))
        .add(talk(s, "3", "Changing tracks", "Alpha", 60, "Pat Mover"))
        .add(talk(s, "4", "Goes away", "Alpha", 90, "Cat"))
        .add(talk(s, "6", "Beta opener", "Beta", 0, "Dan"));
    TestSchedule v2 = new TestSchedule()
        .add(talk(s, "1", "Moving in time", "Alpha", 120, "Ann"))
        .add(talk(s, "2", "New name", "Alpha", 30, "Bob"))
        .add(talk(s, "3", "Changing tracks", "Beta", 60, "Pat Mover"))
        .add(talk(s, "6", "Beta opener", "Beta", 0, "Dan"))
        .add(talk(s, "5", "Brand new", "Alpha", 150, "Eve"));
    Path schedule = v1.write(dir.resolve("schedule.xml"));
    Files.writeString(dir.resolve("people.csv"),
        "person,matrix_id,role,track,talk\nPat Mover,@se-pat:localhost,,,\n");
    Path config = TestConfigs.write(dir, synapse, conf, "UTC", schedule,
        "people:\n  file: people.csv\n  invites_per_second: 100\n");
    Instant at = Instant.now();
    assertThat(Applied.apply(config, at).result().failures()).isEmpty();
    String talk1 = room(bot, conf, "talk-moving-in-time");
    String oldTopic = String.valueOf(bot.getState(talk1, StateTypes.TOPIC, "").orElseThrow()
        .get("topic"));
    String talk4 = room(bot, conf, "talk-goes-away");

    var before = Schedules.load(schedule.toString(), java.util.Optional.empty());
    v2.write(schedule);
    var after = Schedules.load(schedule.toString(), java.util.Optional.empty());
    assertThat(ScheduleDiff.lines(before, after)).hasSize(8).contains("added: 1", "changed: 3",
        "cancelled: 1")
        .anyMatch(l -> l.startsWith("  ~ 1 \"Moving in time\": start "))
        .anyMatch(l -> l.equals("  ~ 2 \"New name\": title \"Old name\" → \"New name\""))
        .anyMatch(l -> l.startsWith("  ~ 3 \"Changing tracks\": room \"A.1\" → \"B.1\"; track"))
        .anyMatch(l -> l.startsWith("  + 5 \"Brand new\""))
        .anyMatch(l -> l.startsWith("  - 4 \"Goes away\""));

    Applied second = Applied.apply(config, at);
    assertThat(second.result().failures()).isEmpty();
    // Behind Synapse workers the test's reads may trail the bot's writes for a moment.
    await().atMost(Duration.ofSeconds(10)).untilAsserted(() -> {
      assertThat(bot.getState(talk1, StateTypes.TOPIC, "").orElseThrow().get("topic"))
          .isNotEqualTo(oldTopic);
      assertThat(bot.getState(room(bot, conf, "talk-old-name"), StateTypes.NAME, "").orElseThrow())
          .as("the same room, renamed: ids are stable").containsEntry("name", "New name");
      String talk3 = room(bot, conf, "talk-changing-tracks");
      String alpha = room(bot, conf, "space-alpha");
      String beta = room(bot, conf, "space-beta");
      assertThat(bot.getState(talk3, StateTypes.SPACE_PARENT, alpha).orElse(Map.of())).isEmpty();
      assertThat(bot.getState(beta, StateTypes.SPACE_CHILD, talk3).orElseThrow()).isNotEmpty();
      assertThat(bot.getState(alpha, StateTypes.SPACE_CHILD, talk3).orElse(Map.of())).isEmpty();
      assertThat(membership(bot, room(bot, conf, "beta-backstage"), "@se-pat:localhost"))
          .isEqualTo("invite");

      assertThat(bot.getState(talk4, StateTypes.NAME, "").orElseThrow())
          .containsEntry("name", "[cancelled] Goes away");
      assertThat(bot.getState(talk4, StateTypes.CLOSED, "").orElseThrow())
          .containsEntry("reason", "cancelled");
      assertThat(RecentMessages.of(bot, talk4, 5)).anyMatch(e -> e.type().equals("m.room.message")
          && e.text("body").contains("has been cancelled"));
      assertThat(bot.getState(alpha, StateTypes.SPACE_CHILD, talk4).orElse(Map.of())).isEmpty();
      String added = room(bot, conf, "talk-brand-new");
      assertThat(bot.getState(added, StateTypes.SPACE_PARENT, alpha).orElseThrow())
          .as("free in the initial state: its space existed").containsEntry("canonical", true);
    });

    Applied third = Applied.apply(config, at);
    assertThat(third.plan().actions()).isEmpty();
    assertThat(third.run().bot().client.stats().writes()).isZero();
  }

  private static String room(MatrixClient bot, String conf, String aliasPart) {
    return bot.resolveAlias("#" + conf + "-" + aliasPart + ":localhost").orElseThrow();
  }

  private static String membership(MatrixClient bot, String roomId, String userId) {
    for (RoomEvent event : bot.members(roomId)) {
      if (event.stateKey().orElseThrow().equals(userId)) {
        return String.valueOf(event.content().get("membership"));
      }
    }
    return "none";
  }
}
