package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.usher.RecentMessages;
import io.usher.lifecycle.Lifecycle;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RoomEvent;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.UUID;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Two {@code usher run} processes on one PostgreSQL and the real Synapse ({@link
 * ClusterRehearsal}): started at the same instant, one killed with SIGKILL, PostgreSQL
 * restarted; every phase is handled once and every announcement is read back once.
 */
class ClusterIntegrationTest {
  @TempDir Path dir;

  @Test
  void theActiveBotKilledBeforeABoundaryAndPostgresRestartedLoseNothing() throws Exception {
    try (ClusterRehearsal rehearsal = new ClusterRehearsal(dir)) {
      Lifecycle lifecycle = rehearsal.lifecycle();
      // The same instant: no phase may be handled twice.
      BotProcess a = rehearsal.start("a");
      BotProcess b = rehearsal.start("b");
      Instant boundary = rehearsal.first.plus(Duration.ofMinutes(10));
      ClusterRehearsal.sleepUntil(rehearsal.wallTimeOf(boundary).minusMillis(1500));
      assertThat(a.alive() && b.alive()).as(rehearsal.outputs()).isTrue();
      BotProcess active = rehearsal.active(List.of(a, b));
      BotProcess survivor = active == a ? b : a;
      Instant killed = Instant.now();
      active.kill();
      Instant handled = await().atMost(Duration.ofSeconds(30))
          .until(() -> ClusterRehearsal.firstHandledFrom(survivor, boundary).orElse(null),
              at -> at != null);
      System.out.printf("cluster: %s killed %d ms before the boundary; survivor %s handled its"
          + " first phase %d ms after the kill%n", active.name(),
          Duration.between(killed, rehearsal.wallTimeOf(boundary)).toMillis(), survivor.name(),
          Duration.between(killed, handled).toMillis());

      // The database goes away over the reminders at T0+16m and comes back: they are handled
      // without it, once.
      Instant reminders = boundary.plus(Duration.ofMinutes(6));
      ClusterRehearsal.sleepUntil(rehearsal.wallTimeOf(reminders).minusSeconds(1));
      Instant back;
      try {
        rehearsal.postgres.stop();
        ClusterRehearsal.sleepUntil(rehearsal.wallTimeOf(reminders).plusSeconds(5));
      } finally {
        back = Instant.now();
        rehearsal.postgres.start();
      }
      assertThat(ClusterRehearsal.firstHandledFrom(survivor, reminders)).as(survivor.output())
          .hasValueSatisfying(at -> assertThat(at).isBefore(back));
      awaitTheEnd(rehearsal, survivor);
      assertThat(survivor.alive()).as(survivor.output()).isTrue();
      // What the survivor said while the database was away, for whoever reads the report.
      survivor.lines().stream().filter(l -> l.text().contains("WARN")
          || l.text().contains("ERROR") || l.text().contains("phase handled")).forEach(l ->
          System.out.println(l.at() + " " + l.text()));
      rehearsal.assertExactlyOnce(lifecycle);
    }
  }

  @Test
  void theLeaderKilledAStatusSentAfterwardsIsAnsweredOnceByTheSurvivor() throws Exception {
    try (ClusterRehearsal rehearsal = new ClusterRehearsal(dir)) {
      Lifecycle lifecycle = rehearsal.lifecycle();
      BotProcess a = rehearsal.start("a");
      await().atMost(Duration.ofSeconds(60)).until(() -> a.lines().stream()
          .anyMatch(l -> l.text().contains("starts as leader")));
      BotProcess b = rehearsal.start("b");
      MatrixClient admin = rehearsal.fixture.synapse.admin();
      // The leader makes the management room, then invites the organisers.
      String room = await().atMost(Duration.ofSeconds(60)).ignoreExceptions()
          .until(() -> admin.join(rehearsal.alias), id -> id != null);
      await().atMost(Duration.ofSeconds(60)).until(() -> b.lines().stream()
          .anyMatch(l -> l.text().contains("starts as follower")));
      assertThat(List.of(a.healthRole(), b.healthRole())).containsExactly("leader", "follower");
      ClusterRehearsal.sleepUntil(rehearsal.wallTimeOf(rehearsal.first.plus(
          Duration.ofMinutes(4))));
      a.kill();
      String command = admin.sendMessage(room, UUID.randomUUID().toString(),
          Map.of("msgtype", "m.text", "body", "!usher status"));
      rehearsal.await(Duration.ofSeconds(30), () -> !replies(rehearsal, room, command).isEmpty());
      assertThat(b.lines()).anyMatch(l -> l.text().contains("this bot leads now"));
      assertThat(b.healthRole()).isEqualTo("leader");
      awaitTheEnd(rehearsal, b);
      List<String> replies = replies(rehearsal, room, command);
      assertThat(replies).as("answers to !usher status").hasSize(1);
      assertThat(replies.get(0)).contains("Schedule:");
      rehearsal.assertExactlyOnce(lifecycle);
    }
  }

  /** Until the last phase of the schedule has been handled by {@code bot}. */
  private static void awaitTheEnd(ClusterRehearsal rehearsal, BotProcess bot) throws Exception {
    Instant end = rehearsal.first.plus(Duration.ofMinutes(30));
    ClusterRehearsal.sleepUntil(rehearsal.wallTimeOf(end));
    rehearsal.await(Duration.ofSeconds(30),
        () -> ClusterRehearsal.firstHandledFrom(bot, end).isPresent());
    Thread.sleep(2000); // a double post would have shown by now
  }

  /** The bot's messages after {@code eventId} that answer a command. */
  private static List<String> replies(ClusterRehearsal rehearsal, String room, String eventId) {
    List<RoomEvent> events = RecentMessages.of(rehearsal.fixture.reader, room, 100);
    int command = -1;
    for (int i = 0; i < events.size(); i++) {
      if (events.get(i).eventId().equals(eventId)) {
        command = i;
      }
    }
    return command < 0 ? List.of() : events.subList(command + 1, events.size()).stream()
        .filter(e -> e.sender().equals("@bot:localhost"))
        .map(e -> e.text("body")).filter(body -> body.contains("Schedule:")).toList();
  }
}
