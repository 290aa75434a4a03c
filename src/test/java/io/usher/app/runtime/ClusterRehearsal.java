package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.LocalPostgres;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.config.ConfigLoader;
import io.usher.app.config.Settings;
import io.usher.lifecycle.Lifecycle;
import io.usher.lifecycle.PhaseEvent;
import io.usher.plan.DesiredState;
import io.usher.plan.Policy;
import io.usher.plan.diff.ObservedRoom;
import io.usher.schedule.Conference;
import io.usher.schedule.People;
import io.usher.scheduler.ScaledClock;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.PreparedStatement;
import java.sql.ResultSet;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.ArrayList;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.TreeMap;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * A compressed conference rehearsed by two {@code usher run} processes on the local PostgreSQL
 * and Synapse: 2 tracks of 3 back-to-back 10-minute talks at 30x, so every 10 minutes (20 s) two
 * talks end and two start in one instant. Both bots share one rehearsal clock
 * ({@code --at-wall}), which reads 6 minutes before the first talk {@link #LEAD_IN} after the
 * rehearsal is made.
 */
final class ClusterRehearsal implements AutoCloseable {
  static final double SPEED = 30;
  static final Duration LEAD_IN = Duration.ofSeconds(10);
  static final String LIFECYCLE = """
      lifecycle:
        reminder_before: 4m
        up_next_before: 2m
        qa_before_end: 3m
        end_warning_before: 1m
        grace: 60m
      """;

  final LocalPostgres postgres = LocalPostgres.get();
  final LiveBotFixture fixture;
  final Path configB;
  final Instant first;
  final Instant origin;
  final Instant wallOrigin;
  final String alias;
  final List<BotProcess> bots = new ArrayList<>();

  ClusterRehearsal(Path dir) throws Exception {
    first = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(2));
    origin = first.minus(Duration.ofMinutes(6));
    wallOrigin = Instant.now().plus(LEAD_IN).truncatedTo(ChronoUnit.MILLIS);
    TestSchedule schedule = new TestSchedule();
    for (String track : List.of("Databases", "Networks")) {
      for (int i = 0; i < 3; i++) {
        schedule.add(new TestTalk((track.equals("Databases") ? "50" : "60") + i,
            track + " talk " + i, track, track + " room", first.plus(Duration.ofMinutes(10L * i)),
            Duration.ofMinutes(10), List.of("Speaker " + track + i)));
      }
    }
    Path a = Files.createDirectories(dir.resolve("a"));
    Path file = schedule.write(dir.resolve("cluster.xml"));
    String suffix = Long.toHexString(System.nanoTime()).substring(4);
    alias = "#ha" + suffix + "-management:localhost";
    fixture = new LiveBotFixture(a, file, LIFECYCLE + "management_room: \"" + alias + "\"\n"
        + postgres.storeYaml() + "web:\n  listen: 127.0.0.1:0\n  public_url: http://127.0.0.1:9\n");
    Path b = Files.createDirectories(dir.resolve("b"));
    configB = b.resolve("usher.yaml");
    Files.writeString(configB, Files.readString(fixture.config));
  }

  /** Wall time at which the rehearsal clock reads {@code conferenceTime}. */
  Instant wallTimeOf(Instant conferenceTime) {
    long millis = (long) (Duration.between(origin, conferenceTime).toMillis() / SPEED);
    return wallOrigin.plusMillis(millis);
  }

  BotProcess start(String name) throws Exception {
    BotProcess bot = BotProcess.start(name, name.equals("a") ? fixture.config : configB,
        "--at", origin.toString(), "--at-wall", wallOrigin.toString(), "--speed",
        Double.toString(SPEED));
    bots.add(bot);
    return bot;
  }

  /** Every phase of the schedule, from the same code the bots run. */
  Lifecycle lifecycle() throws Exception {
    Settings settings = new ConfigLoader().load(fixture.config);
    People people = PeopleFiles.load(settings.people());
    Conference conference = Schedules.conference(settings, people);
    Policy policy = BotSession.policy(settings, people, "localhost", "@bot:localhost");
    return new Lifecycle(conference, DesiredState.of(conference, policy, origin), policy,
        settings.lifecycle(), new ScaledClock(Clock.systemUTC(), wallOrigin, origin, SPEED)
            .rehearsal());
  }

  static void sleepUntil(Instant wall) throws InterruptedException {
    long millis = Duration.between(Instant.now(), wall).toMillis();
    if (millis > 0) {
      Thread.sleep(millis);
    }
  }

  /** The bot whose Quartz holds a trigger of the coming boundary, else the leader. */
  BotProcess active(List<BotProcess> running) throws Exception {
    Set<String> holders = new HashSet<>();
    try (Connection db = postgres.connect(); PreparedStatement query = db.prepareStatement(
        "SELECT instance_name FROM qrtz_fired_triggers WHERE sched_name = ?")) {
      query.setString(1, "usher-" + fixture.conferenceId);
      try (ResultSet rows = query.executeQuery()) {
        while (rows.next()) {
          holders.add(rows.getString(1));
        }
      }
    }
    return running.stream().filter(b -> b.instanceId().map(holders::contains).orElse(false))
        .findFirst().orElseGet(() -> leader(running));
  }

  BotProcess leader(List<BotProcess> running) {
    return running.stream().filter(b -> b.lines().stream()
            .anyMatch(l -> l.text().contains("starts as leader")
                || l.text().contains("this bot leads now")))
        .reduce((x, y) -> y).orElseThrow(() -> new AssertionError("no leader:\n" + outputs()));
  }

  /** When {@code bot} first said it handled a phase at or after {@code at}. */
  static Optional<Instant> firstHandledFrom(BotProcess bot, Instant at) {
    return bot.handled().stream().filter(l -> !Instant.ofEpochSecond(Long.parseLong(
        l.text().split(" ")[0].replaceAll(".*/", ""))).isBefore(at))
        .map(BotProcess.Line::at).findFirst();
  }

  /** Every phase handled by exactly one bot, and every announcement once in its room. */
  void assertExactlyOnce(Lifecycle lifecycle) {
    Map<String, Long> handled = bots.stream().flatMap(b -> b.handled().stream())
        .map(l -> l.text().split(" ")[0])
        .collect(Collectors.groupingBy(Function.identity(), TreeMap::new, Collectors.counting()));
    List<String> phases = lifecycle.phases().stream().map(PhaseEvent::recordId).sorted().toList();
    assertThat(handled.keySet()).as("phases handled\n" + outputs()).containsExactlyElementsOf(
        phases);
    assertThat(handled.values()).as("each phase handled once\n" + handled).containsOnly(1L);
    List<String> expected = lifecycle.phases().stream()
        .flatMap(e -> lifecycle.announcements(e).stream())
        .map(a -> (Map<?, ?>) a.marker().get("io.usher.announcement"))
        .map(m -> m.get("talk") + "/" + m.get("phase") + "/" + m.get("at")).sorted().toList();
    List<String> posted = fixture.rooms().rooms().stream().map(ObservedRoom::roomId)
        .flatMap(room -> fixture.announcements(room).stream()).sorted().toList();
    assertThat(posted).as("announcements read back from the homeserver")
        .containsExactlyElementsOf(expected);
  }

  /** Awaits a condition; a timeout fails with what the bots said. */
  void await(Duration atMost, java.util.concurrent.Callable<Boolean> condition) {
    try {
      org.awaitility.Awaitility.await().atMost(atMost).pollInterval(Duration.ofMillis(250))
          .until(condition);
    } catch (org.awaitility.core.ConditionTimeoutException e) {
      throw new AssertionError(e.getMessage() + "\n" + outputs() + threadDumps(), e);
    }
  }

  /** What the live bots' threads are doing, written under target/ for a failure's report. */
  private String threadDumps() {
    StringBuilder out = new StringBuilder();
    for (BotProcess bot : bots) {
      if (bot.alive()) {
        try {
          Path dump = Path.of("target", "cluster-" + bot.name() + "-" + bot.pid() + ".threads");
          Files.createDirectories(dump.getParent());
          new ProcessBuilder(Path.of(System.getProperty("java.home"), "bin", "jcmd").toString(),
              Long.toString(bot.pid()), "Thread.print").redirectErrorStream(true)
              .redirectOutput(dump.toFile()).start().waitFor();
          out.append("\nthreads of ").append(bot.name()).append(": ").append(dump);
        } catch (Exception e) {
          out.append("\nno thread dump of ").append(bot.name()).append(": ").append(e);
        }
      }
    }
    return out.toString();
  }

  String outputs() {
    return bots.stream().map(BotProcess::output).collect(Collectors.joining("\n"));
  }

  @Override
  public void close() throws Exception {
    for (BotProcess bot : bots) {
      bot.close();
    }
  }
}
