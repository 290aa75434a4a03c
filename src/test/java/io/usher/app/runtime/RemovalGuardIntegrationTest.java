package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.cli.Main;
import io.usher.app.config.BadInputException;
import io.usher.app.config.ConfigLoader;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.Planner;
import io.usher.schedule.TalkId;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A new schedule that cancels 3 of 12 talks at once (25 %, more than the default 10 %) is not
 * followed without the organiser's confirmation, by {@code apply}, {@code usher run}'s start or
 * a refresh; with it, the rooms are closed. On the real Synapse.
 */
class RemovalGuardIntegrationTest {
  private static final List<String> CANCELLED = List.of("2", "5", "9");

  @TempDir Path dir;
  final StringWriter out = new StringWriter();
  final StringWriter err = new StringWriter();

  private static TestSchedule twelveTalks() {
    Instant s = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
    TestSchedule schedule = new TestSchedule();
    for (int i = 1; i <= 12; i++) {
      schedule.add(new TestTalk(Integer.toString(i), "Talk " + i, "Main", "K.1.105",
          s.plus(Duration.ofMinutes(10L * (i - 1))), Duration.ofMinutes(10), List.of("P" + i)));
    }
    return schedule;
  }

  private static TestSchedule withoutCancelled(TestSchedule schedule) {
    for (String id : CANCELLED) {
      schedule = schedule.without(id);
    }
    return schedule;
  }

  private int run(String... args) {
    return Main.run(new PrintWriter(out, true), new PrintWriter(err, true), args);
  }

  private static List<Boolean> closed(LiveBotFixture fixture) {
    ObservedConference rooms = fixture.rooms();
    return CANCELLED.stream().map(id -> rooms.room(new RoomKey(RoomKind.TALK,
        fixture.conferenceId, id)).map(Planner::isClosed).orElseThrow()).toList();
  }

  @Test
  void applyAndRunRefuseAMassCancellationUntilConfirmed() throws Exception {
    TestSchedule v1 = twelveTalks();
    Path file = v1.write(dir.resolve("schedule.xml"));
    LiveBotFixture fixture = new LiveBotFixture(dir, file, "");
    String config = fixture.config.toString();
    assertThat(run("apply", "-c", config)).isEqualTo(0);
    withoutCancelled(v1).write(file);
    out.getBuffer().setLength(0);

    assertThat(run("plan", "-c", config)).isEqualTo(0);
    List<String> plan = out.toString().lines().dropWhile(l -> !l.startsWith("Plan for"))
        .skip(1).toList();
    assertThat(plan.get(0)).as("the removal comes first, like a destroy")
        .startsWith("  !! cancels 3 of 12 talks");
    assertThat(plan.get(1)).contains("refused without confirmation: this schedule removes 3 of"
        + " 12 talks (25 %), more than the 10 % or 25 talks");

    assertThat(run("apply", "-c", config)).isEqualTo(2);
    assertThat(err.toString()).contains("usher: apply refused: this schedule removes 3 of 12")
        .contains("Nothing was changed").contains("--confirm-removals");
    assertThat(closed(fixture)).containsOnly(false);

    LiveBot bot = LiveBot.open(new ConfigLoader().load(fixture.config), Clock.systemUTC(),
        new PrintWriter(new StringWriter()), outcome -> { }, Duration.ofSeconds(2));
    try (bot) {
      assertThatThrownBy(bot::start).isInstanceOf(BadInputException.class)
          .hasMessageContaining("usher run refused: this schedule removes 3 of 12 talks")
          .hasMessageContaining("usher run --confirm-removals");
    }
    assertThat(closed(fixture)).containsOnly(false);

    assertThat(run("apply", "--confirm-removals", "-c", config)).isEqualTo(0);
    // Read by the fixture's own session: behind workers it may trail the apply's writes.
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(closed(fixture)).containsOnly(true));
  }

  @Test
  void theRunningBotKeepsTheLastGoodScheduleUntilTheOrganiserConfirms() throws Exception {
    TestSchedule v1 = twelveTalks();
    Path file = v1.write(dir.resolve("schedule.xml"));
    LiveBotFixture fixture = new LiveBotFixture(dir, file, "");
    LiveBot bot = fixture.start(Clock.systemUTC());
    try (bot) {
      withoutCancelled(v1).write(file);
      assertThat(bot.refresh(false)).startsWith("The new schedule is not applied: this schedule"
          + " removes 3 of 12 talks").contains("`!usher refresh --confirm`");
      assertThat(talksScheduled(bot)).contains("2", "5", "9");
      assertThat(closed(fixture)).containsOnly(false);

      assertThat(bot.refresh(true)).startsWith("schedule changed");
      assertThat(talksScheduled(bot)).doesNotContain("2", "5", "9").contains("1", "12");
      // Read by the fixture's own session: behind workers it may trail the apply's writes.
    await().atMost(Duration.ofSeconds(10))
        .untilAsserted(() -> assertThat(closed(fixture)).containsOnly(true));
    }
  }

  @Test
  void oneCancelledTalkIsFollowedWithoutConfirmation() throws Exception {
    TestSchedule v1 = twelveTalks();
    Path file = v1.write(dir.resolve("schedule.xml"));
    LiveBotFixture fixture = new LiveBotFixture(dir, file, "");
    LiveBot bot = fixture.start(Clock.systemUTC());
    try (bot) {
      v1.without("7").write(file);
      assertThat(bot.refresh(false)).startsWith("schedule changed");
      assertThat(talksScheduled(bot)).doesNotContain("7");
    }
  }

  private static List<String> talksScheduled(LiveBot bot) {
    return bot.runner().upcoming(Optional.empty(), 1000).stream()
        .map(phase -> phase.event().talk()).map(TalkId::value).distinct()
        .toList();
  }
}
