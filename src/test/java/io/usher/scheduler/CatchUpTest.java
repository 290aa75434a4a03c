package io.usher.scheduler;

import static com.github.tomakehurst.wiremock.client.WireMock.any;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.usher.TestSchedule.TestTalk;
import io.usher.TestSchedule;
import io.usher.apply.Announcer;
import io.usher.apply.FakeHomeserver;
import io.usher.apply.ObservedStateReader;
import io.usher.apply.PlanExecutor;
import io.usher.apply.Reconciler;
import io.usher.lifecycle.LifecyclePolicy;
import io.usher.lifecycle.Phase;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RetryPolicy;
import io.usher.plan.Policy;
import io.usher.plan.TrackGrouping;
import io.usher.plan.diff.Planner;
import io.usher.plan.diff.RemovalGuard;
import io.usher.schedule.Conference;
import io.usher.schedule.frab.PentabarfFiles;
import java.nio.file.Path;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * What the runner does at start with the phases it missed, against rooms in memory (and a
 * WireMock homeserver answering the announcements): within the grace they are posted late,
 * beyond it skipped, and the organisers told once.
 */
final class CatchUpTest {
  static final Instant DAY = Instant.parse("2027-02-06T07:00:00Z");
  static final Policy POLICY = new Policy("cu", "", "test", TrackGrouping.TRACK, List.of(),
      List.of(), 50);

  @TempDir Path dir;

  final FakeHomeserver rooms = new FakeHomeserver();
  final WireMockServer homeserver = new WireMockServer(options().dynamicPort()
      .bindAddress("127.0.0.1"));
  final List<String> organisers = new CopyOnWriteArrayList<>();
  final List<String> log = new CopyOnWriteArrayList<>();
  final List<PhaseOutcome> outcomes = new CopyOnWriteArrayList<>();
  LifecycleRunner runner;

  @BeforeEach
  void answerEveryWrite() {
    homeserver.start();
    homeserver.stubFor(any(urlPathMatching("/_matrix/client/.*"))
        .willReturn(okJson("{\"event_id\": \"$posted\"}")));
  }

  @AfterEach
  void stop() {
    if (runner != null) {
      runner.stopNow();
    }
    homeserver.stop();
  }

  LifecycleRunner runner(Clock clock) {
    Reconciler reconciler = new Reconciler(new ObservedStateReader(rooms),
        new Planner("test", "@bot:test"),
        new PlanExecutor(rooms, "test", "@bot:test", 4, line -> { }, Optional.empty()), "cu");
    MatrixClient client = MatrixClient.create(homeserver.baseUrl(), "token",
        RetryPolicy.defaults(), (endpoint, wait) -> { });
    runner = new LifecycleRunner(new RunnerSettings(clock, POLICY, LifecyclePolicy.defaults(),
        2), reconciler, new Announcer(client, "@bot:test"), organisers::add, log::add,
        outcomes::add);
    return runner;
  }

  Conference conference(TestSchedule schedule) throws Exception {
    return PentabarfFiles.parse(Optional.empty(), schedule.write(dir.resolve("s.xml")));
  }

  static TestTalk talk(String id, String track, Instant start) {
    return new TestTalk(id, "Talk " + id, track, track + " room", start,
        Duration.ofMinutes(30), List.of("Ada"));
  }

  @Test
  void startedMidConferenceTellsTheOrganisersOnceWhatItSkipped() throws Exception {
    TestSchedule schedule = new TestSchedule();
    for (String track : List.of("Rust", "Go", "Java")) {
      for (int i = 0; i < 4; i++) {
        schedule.add(talk(track + i, track, DAY.plus(Duration.ofMinutes(30L * i))));
      }
    }
    Clock noon = Clock.fixed(Instant.parse("2027-02-06T12:00:00Z"), ZoneOffset.UTC);

    runner(noon).start(conference(schedule), RemovalGuard.CONFIRMED);

    assertThat(outcomes).hasSize(60).allMatch(o -> o.status().equals("skipped"));
    assertThat(organisers).filteredOn(line -> line.startsWith("Skipped")).singleElement()
        .asString().startsWith("Skipped 60 announcements")
        .contains("12 reminder, 12 up next, 12 start, 12 end warning, 12 end")
        .contains("due from 2027-02-06 06:00 UTC to 2027-02-06 09:00 UTC")
        .contains("grace of 10 min");
    assertThat(log).hasSize(60).allMatch(line -> line.startsWith("Skipped the "))
        .anyMatch(line -> line.startsWith("Skipped the end of talk Go3 “Talk Go3”: it was due at"
            + " 2027-02-06 09:00 UTC, 180 min ago"));
  }

  @Test
  void atRehearsalSpeedTheStartUpCountsInWallTimeNotConferenceTime() throws Exception {
    Instant at = DAY.plus(Duration.ofHours(1));
    // Up next is due at --at itself, the reminder 55 minutes before it.
    TestSchedule schedule = new TestSchedule().add(talk("1", "Rust", at.plusSeconds(300)));
    ScaledClockTest.Wall wall = new ScaledClockTest.Wall(Instant.now());
    ScaledClock rehearsal = new ScaledClock(wall, wall.instant(), at, 30);
    // 28 s of wall time to read the homeserver: 14 minutes of the rehearsal at 30x.
    rooms.duringSync = () -> wall.advance(Duration.ofSeconds(28));

    runner(rehearsal).start(conference(schedule), RemovalGuard.CONFIRMED);

    assertThat(outcomes).extracting(o -> o.event().phase() + " " + o.status())
        .containsExactly(Phase.REMINDER + " skipped", Phase.UP_NEXT + " sent",
            Phase.START + " sent");
  }
}
