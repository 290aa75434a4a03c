package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.awaitility.Awaitility.await;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.usher.LocalSynapse;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.cli.Main;
import io.usher.apply.Homeserver;
import io.usher.apply.ObservedStateReader;
import io.usher.matrix.MatrixClient;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.ObservedRoom;
import java.io.IOException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.HashSet;
import java.util.List;
import java.util.Set;
import java.util.concurrent.CompletableFuture;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * The real Synapse killed (SIGKILL) in the middle of a 232-room build and started again 30 s
 * later: the apply waits it out and finishes on its own, every room has its alias, and no stray
 * room is left joined. The requests in flight at the kill are the ones that leave half-made
 * rooms holding aliases.
 */
class OutageIntegrationTest {
  private static final Pattern DONE = Pattern.compile("apply: (\\d+)/\\d+ actions");

  @TempDir Path dir;

  @Test
  void aBuildWaitsOutAHomeserverRestartAndEndsWithEveryRoomAndAlias() throws Exception {
    Instant s = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(3));
    TestSchedule schedule = new TestSchedule();
    for (int track = 1; track <= 10; track++) {
      for (int i = 0; i < 20; i++) {
        schedule.add(new TestTalk(track + "-" + i, "Talk " + i + " of track " + track,
            "Track " + track, "Room " + track, s.plus(Duration.ofMinutes(15L * i)),
            Duration.ofMinutes(15), List.of("Speaker " + track + "-" + i)));
      }
    }
    LiveBotFixture fixture = new LiveBotFixture(dir, schedule.write(dir.resolve("s.xml")), "");
    LocalSynapse synapse = fixture.synapse;
    MatrixClient builder = synapse.bot();
    String token = synapse.botToken;
    Set<String> before = joinedRooms(synapse, token);
    StringWriter out = new StringWriter();
    StringWriter err = new StringWriter();
    CompletableFuture<Integer> apply = CompletableFuture.supplyAsync(() -> Main.run(
        new PrintWriter(out, true), new PrintWriter(err, true), "apply", "-c",
        fixture.config.toString()));
    try {
      await().atMost(Duration.ofMinutes(2)).pollInterval(Duration.ofMillis(50))
          .until(() -> done(err.toString()) >= 60);
      kill(synapse);
      Thread.sleep(30_000);
    } finally {
      start();
    }
    int code = apply.get(6, TimeUnit.MINUTES);

    assertThat(code).as(out + "\n" + err).isEqualTo(0);
    assertThat(err.toString()).contains("the homeserver has not answered for");
    ObservedConference rooms = new ObservedStateReader(Homeserver.of(builder))
        .read(fixture.conferenceId);
    assertThat(rooms.rooms()).hasSize(232);
    MatrixClient bot = builder;
    Set<String> aliases = new HashSet<>();
    for (ObservedRoom room : rooms.rooms()) {
      String alias = String.valueOf(bot.getState(room.roomId(), "m.room.canonical_alias", "")
          .orElseThrow(() -> new AssertionError(room.key() + " has no canonical alias"))
          .get("alias"));
      assertThat(bot.resolveAlias(alias)).as(alias).contains(room.roomId());
      aliases.add(alias);
    }
    assertThat(aliases).hasSize(232);
    Set<String> joined = joinedRooms(synapse, token);
    joined.removeAll(before);
    assertThat(joined).as("no stray room").hasSize(232);
    out.getBuffer().setLength(0);
    assertThat(Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "plan", "-c",
        fixture.config.toString())).isEqualTo(0);
    assertThat(out.toString()).contains("nothing to do; the homeserver has all 232 rooms");
    leave(builder, joined);
  }

  /** The bot leaves the build's rooms, so that later tests' full /syncs do not read them. */
  private static void leave(MatrixClient bot, Set<String> rooms) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      for (Future<?> left : rooms.stream().map(room -> pool.submit(() -> bot.leave(room)))
          .toList()) {
        left.get();
      }
    } finally {
      pool.shutdown();
    }
  }

  private static int done(String progress) {
    Matcher m = DONE.matcher(progress);
    int done = 0;
    while (m.find()) {
      done = Integer.parseInt(m.group(1));
    }
    return done;
  }

  private static Set<String> joinedRooms(LocalSynapse synapse, String token)
      throws IOException {
    String body = synapse.get("/_matrix/client/v3/joined_rooms", token);
    Set<String> rooms = new HashSet<>();
    new ObjectMapper().readTree(body).path("joined_rooms").forEach(r -> rooms.add(r.asText()));
    return rooms;
  }

  private static void kill(LocalSynapse synapse) throws Exception {
    Process kill = new ProcessBuilder("pkill", "-KILL", "-f", "--", "-c " + synapse.config)
        .inheritIO().start();
    assertThat(kill.waitFor()).as("pkill found Synapse").isEqualTo(0);
  }

  private static void start() throws Exception {
    Process start = new ProcessBuilder("scripts/synapse", "start").inheritIO().start();
    assertThat(start.waitFor(3, TimeUnit.MINUTES)).isTrue();
    assertThat(start.exitValue()).isEqualTo(0);
  }
}
