package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.cli.Main;
import io.usher.lifecycle.Phase;
import io.usher.lifecycle.PhaseEvent;
import io.usher.lifecycle.UpcomingPhase;
import io.usher.plan.RoomKind;
import io.usher.schedule.TalkId;
import io.usher.scheduler.ScaledClock;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A track of four talks at 60x on the real Synapse: talk 2 is cancelled and talk 3 moved to
 * after talk 4, each 3 minutes before it was due to start.
 */
class ScheduleChangeIntegrationTest {
  static final String LIFECYCLE = """
      lifecycle:
        reminder_before: 10m
        grace: 60m
      """;

  @TempDir Path dir;

  @Test
  void talksMovedAndCancelledThreeMinutesBeforeTheirStartAreHandled() throws Exception {
    Instant s = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
    TestSchedule v1 = new TestSchedule();
    for (int i = 1; i <= 4; i++) {
      v1.add(new TestTalk(Integer.toString(i), "Talk " + i, "Main", "K.1.105",
          s.plus(Duration.ofMinutes(10L * (i - 1))), Duration.ofMinutes(10), List.of("P" + i)));
    }
    Path file = v1.write(dir.resolve("schedule.xml"));
    LiveBotFixture fixture = new LiveBotFixture(dir, file, LIFECYCLE);
    ScaledClock clock = ScaledClock.startingAt(s.minus(Duration.ofMinutes(12)), 60);
    LiveBot bot = fixture.start(clock);
    try {
      awaitClock(clock, s.plus(Duration.ofMinutes(7)));
      TestSchedule v2 = v1.without("2");
      v2.write(file);
      assertThat(bot.refresh(false)).contains("1 change notices");
      assertThat(bot.runner().upcoming(Optional.empty(), 100)).map(UpcomingPhase::event)
          .as("the cancelled talk's phases are gone").noneMatch(e -> e.talk().value().equals("2"));

      awaitClock(clock, s.plus(Duration.ofMinutes(17)));
      Instant moved = s.plus(Duration.ofMinutes(45));
      v2.moved("3", moved).write(file);
      assertThat(bot.refresh(false)).contains("1 change notices");
      assertThat(bot.runner().upcoming(Optional.empty(), 50)).map(UpcomingPhase::event)
          .filteredOn(e -> e.talk().value().equals("3") && e.phase() == Phase.START)
          .singleElement().satisfies(e -> assertThat(e.at()).isEqualTo(moved));

      await().atMost(Duration.ofSeconds(90)).pollInterval(Duration.ofMillis(500))
          .until(() -> bot.runner().upcoming(Optional.empty(), 1).isEmpty());
    } finally {
      bot.close();
    }

    List<String> track = fixture.announcements(fixture.roomId(RoomKind.TRACK, "main"));
    assertThat(track).noneMatch(m -> m.startsWith("2/start/") || m.startsWith("2/end/"));
    assertThat(track).filteredOn(m -> m.startsWith("2/cancelled/")).hasSize(1);
    assertThat(track).filteredOn(m -> m.startsWith("3/moved/")).hasSize(1);
    assertThat(track).filteredOn(m -> m.startsWith("3/start/"))
        .containsExactly("3/start/" + s.plus(Duration.ofMinutes(45)));
    assertThat(track).filteredOn(m -> m.startsWith("3/up_next/")).containsExactly(
        "3/up_next/" + s.plus(Duration.ofMinutes(15)), "3/up_next/" + s.plus(Duration.ofMinutes(40)));
    assertThat(track).doesNotHaveDuplicates();
    int cancelled = indexOf(track, "2/cancelled/");
    assertThat(cancelled).as("told after its up next, before the next talk starts")
        .isGreaterThan(indexOf(track, "2/up_next/")).isLessThan(indexOf(track, "1/end/"));
    fixture.assertHallway(fixture.roomId(RoomKind.TALK, "1"), true);
    fixture.assertHallway(fixture.roomId(RoomKind.TALK, "2"), false);
    fixture.assertHallway(fixture.roomId(RoomKind.TALK, "3"), true);
    fixture.assertHallway(fixture.roomId(RoomKind.TALK, "4"), true);
    assertThat(fixture.announcements(fixture.roomId(RoomKind.TALK, "2")))
        .anyMatch(m -> m.startsWith("2/cancelled/"));
  }

  private static int indexOf(List<String> markers, String prefix) {
    for (int i = 0; i < markers.size(); i++) {
      if (markers.get(i).startsWith(prefix)) {
        return i;
      }
    }
    throw new AssertionError("no " + prefix + " in " + markers);
  }

  private static PhaseEvent phase(String talk, Phase phase, Instant at) {
    return new PhaseEvent(new TalkId(talk), phase, at, "main");
  }

  private static void awaitClock(ScaledClock clock, Instant at) {
    await().atMost(Duration.ofSeconds(60)).pollInterval(Duration.ofMillis(20))
        .until(() -> !clock.instant().isBefore(at));
  }
}
