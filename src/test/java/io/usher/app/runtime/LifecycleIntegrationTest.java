package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.lifecycle.Announcement;
import io.usher.lifecycle.Lifecycle;
import io.usher.lifecycle.Phase;
import io.usher.lifecycle.PhaseEvent;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.scheduler.ScaledClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A compressed conference day on the real Synapse: 3 tracks of 7 back-to-back talks at 120x,
 * with the bot killed in the middle and started again. The grace is an hour of conference time
 * because at 120x every second the bot needs to start is two minutes of the conference.
 */
class LifecycleIntegrationTest {
  static final double SPEED = 120;
  static final String LIFECYCLE = """
      lifecycle:
        reminder_before: 15m
        up_next_before: 5m
        qa_before_end: 3m
        end_warning_before: 5m
        grace: 60m
      """;

  @TempDir Path dir;

  static TestSchedule day(Instant first) {
    TestSchedule schedule = new TestSchedule();
    String[] tracks = {"Rust", "Go & Friends", "Matrix <Devroom>"};
    for (int t = 0; t < tracks.length; t++) {
      for (int i = 0; i < 7; i++) {
        String title = t == 2 && i == 3 ? "<img src=x onerror=alert(1)>" : tracks[t] + " talk " + i;
        schedule.add(new TestTalk(Integer.toString(1000 + 100 * t + i), title, tracks[t],
            "Room " + t, first.plus(Duration.ofMinutes(10L * i)), Duration.ofMinutes(10),
            List.of("Speaker " + t + i, "Co-speaker " + t + i)));
      }
    }
    return schedule;
  }

  @Test
  void everyAnnouncementOnceInOrderAndEveryTalkRoomEndsAHallwayAcrossAKill() throws Exception {
    Instant first = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
    Path schedule = day(first).write(dir.resolve("day.xml"));
    LiveBotFixture fixture = new LiveBotFixture(dir, schedule, LIFECYCLE);
    ScaledClock clock = ScaledClock.startingAt(first.minus(Duration.ofMinutes(20)), SPEED);

    LiveBot bot = fixture.start(clock);
    Lifecycle lifecycle = bot.runner().lifecycle();
    Instant killAt = first.plus(Duration.ofMinutes(30));
    await().atMost(Duration.ofSeconds(60)).until(() -> fixture.outcomes.stream()
        .anyMatch(o -> !o.event().at().isBefore(killAt)));
    bot.stopNow();
    Thread.sleep(2_500); // 5 minutes of conference time with no bot
    LiveBot again = fixture.start(clock);
    try {
      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
          .until(() -> again.runner().upcoming(Optional.empty(), 1).isEmpty());
    } finally {
      again.close();
    }

    assertThat(fixture.outcomes).allMatch(o -> !o.status().equals("skipped")
        && !o.status().equals("failed"), "no phase skipped or failed");
    Map<RoomKey, List<String>> expected = expectedAnnouncements(lifecycle);
    assertThat(expected).hasSize(3 + 21);
    for (var entry : expected.entrySet()) {
      String roomId = fixture.roomId(entry.getKey().kind(), entry.getKey().id());
      assertThat(fixture.announcements(roomId)).as("announcements in " + entry.getKey())
          .containsExactlyElementsOf(entry.getValue());
    }
    for (TestTalk talk : day(first).talks()) {
      fixture.assertHallway(fixture.roomId(RoomKind.TALK, talk.id()), true);
    }
    String spaceId = fixture.roomId(RoomKind.TRACK_SPACE, "rust");
    String talkRoom = fixture.roomId(RoomKind.TALK, "1000");
    assertThat(fixture.reader.getState(spaceId, "m.space.child", talkRoom).orElseThrow())
        .containsEntry("suggested", true);
    String xssRoom = fixture.roomId(RoomKind.TRACK, "matrix-devroom");
    assertThat(fixture.notices(xssRoom)).filteredOn(e -> e.text("body").contains("<img"))
        .isNotEmpty()
        .allSatisfy(e -> assertThat(e.text("formatted_body")).doesNotContain("<img")
            .contains("&lt;img src=x onerror=alert(1)&gt;"));
  }

  /** Per room, the announcements every phase should have made, in phase order. */
  static Map<RoomKey, List<String>> expectedAnnouncements(Lifecycle lifecycle) {
    Map<RoomKey, List<String>> expected = new LinkedHashMap<>();
    for (PhaseEvent event : lifecycle.phases()) {
      for (Announcement a : lifecycle.announcements(event)) {
        expected.computeIfAbsent(a.room(), k -> new ArrayList<>())
            .add(event.talk() + "/" + event.phase().id() + "/" + event.at());
      }
    }
    return expected;
  }

  static boolean isPhase(String marker, String talk, Phase phase) {
    return marker.startsWith(talk + "/" + phase.id() + "/");
  }
}
