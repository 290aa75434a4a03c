package io.usher.app.cli;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.LocalSynapse;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.config.TestConfigs;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * A 30-room build by an account that Synapse rate-limits with its default limits (a burst of
 * 10 rooms, then one every 62.5 s): about 21 minutes, so it runs apart from the suite
 * ({@code scripts/test-rate-limited}, on a Synapse of its own with a fresh database).
 */
@Tag("rate-limited")
class RateLimitedBuildTest {
  private static final Pattern ETA = Pattern.compile("ETA (?:(\\d+) h )?(?:(\\d+) min ?)?"
      + "(?:(\\d+) s)?$");

  @TempDir Path dir;

  /** stderr, each line with the moment it was written, echoed with the seconds since start. */
  static final class TimedLines extends Writer {
    record Line(long nanos, String text) {}

    final List<Line> lines = new ArrayList<>();
    private final StringBuilder open = new StringBuilder();
    private final long startNanos = System.nanoTime();

    @Override
    public synchronized void write(char[] buffer, int offset, int length) {
      for (int i = offset; i < offset + length; i++) {
        if (buffer[i] == '\n') {
          long now = System.nanoTime();
          lines.add(new Line(now, open.toString()));
          System.out.printf("[%7.1f s] %s%n", (now - startNanos) / 1e9, open);
          open.setLength(0);
        } else {
          open.append(buffer[i]);
        }
      }
    }

    @Override
    public void flush() {}

    @Override
    public void close() {}

    synchronized String text() {
      return String.join("\n", lines.stream().map(Line::text).toList());
    }
  }

  /**
   * Three tracks of 7, 6 and 6 talks: the conference space, 3 × (space, room, backstage), 19 talk
   * rooms and the staff space = 30 rooms.
   */
  private Path schedule() throws Exception {
    TestSchedule schedule = new TestSchedule();
    Instant start = Instant.parse("2027-05-01T09:00:00Z");
    int[] talks = {7, 6, 6};
    for (int track = 0; track < talks.length; track++) {
      for (int i = 0; i < talks[track]; i++) {
        schedule.add(new TestTalk(String.valueOf(1000 + track * 100 + i), "Talk " + track + "." + i,
            "Track " + (char) ('A' + track), "Room " + track,
            start.plus(Duration.ofMinutes(30L * i)), Duration.ofMinutes(25), List.of("Ann Example")));
      }
    }
    return schedule.write(dir.resolve("schedule.xml"));
  }

  @Test
  void aThirtyRoomBuildOnDefaultLimitsFinishesThrough429sWithTheRemedyAndAnHonestEta()
      throws Exception {
    LocalSynapse synapse = LocalSynapse.get();
    assertThat(Files.readString(synapse.config)).as("Synapse's own default rate limits")
        .doesNotContain("rc_");
    String localpart = "limited-" + UUID.randomUUID().toString().substring(0, 8);
    String userId = "@" + localpart + ":localhost";
    String token = synapse.token(localpart, false);
    String conf = "rl" + UUID.randomUUID().toString().substring(0, 6);
    Path config = TestConfigs.write(dir, synapse, conf, "UTC", schedule(), "");
    Files.writeString(config, Files.readString(config)
        .replaceAll("access_token_file: .*", "access_token: " + token));

    StringWriter out = new StringWriter();
    TimedLines err = new TimedLines();
    long start = System.nanoTime();
    int exit = Main.run(new PrintWriter(out, true), new PrintWriter(err, true), "apply", "-c",
        config.toString(), "--at", "2027-04-01T00:00:00Z");
    long end = System.nanoTime();

    String printed = out + "\n" + err.text();
    System.out.println(out);
    assertThat(exit).as(printed).isZero();
    assertThat(printed).doesNotContain(token);
    String remedy = "curl -X POST -H 'Authorization: Bearer <admin access token>' -d"
        + " '{\"messages_per_second\": 0, \"burst_count\": 0}' " + synapse.url
        + "/_synapse/admin/v1/users/" + userId + "/override_ratelimit";
    assertThat(out.toString())
        .contains("rate limits: " + userId + " may be rate-limited (it is not a server admin")
        .contains("its 30 new rooms take about 20 min 50 s")
        .contains("A server admin can exempt it: " + remedy)
        .contains("created 30 rooms");
    assertThat(err.text()).contains("rate limited on createRoom: waiting ")
        .contains(userId + " is rate-limited by the homeserver (HTTP 429)")
        .contains("a server admin can exempt it now, without a restart: " + remedy);
    long rateLimited = Long.parseLong(out.toString()
        .replaceAll("(?s).*HTTP requests \\(\\d+ writes, (\\d+) rate-limited\\).*", "$1"));
    assertThat(rateLimited).as("429s waited out").isGreaterThanOrEqualTo(19);

    etaWasHonest(err, end);
    assertThat(Duration.ofNanos(end - start)).as("Synapse lets 20 rooms through a minute apart")
        .isGreaterThan(Duration.ofMinutes(19));
    everyRoomOnceAndNothingLeftToDo(synapse, config, token);
  }

  /** The first ETA given under the limit is within a fifth of the time the rest really took. */
  private static void etaWasHonest(TimedLines err, long end) {
    TimedLines.Line first = err.lines.stream()
        .filter(l -> l.text().contains("rate-limited by the homeserver: about one every"))
        .findFirst().orElseThrow(() -> new AssertionError("no ETA line:\n" + err.text()));
    Matcher eta = ETA.matcher(first.text());
    assertThat(eta.find()).as(first.text()).isTrue();
    long promised = 3600 * number(eta.group(1)) + 60 * number(eta.group(2))
        + number(eta.group(3));
    double took = (end - first.nanos()) / 1e9;
    assertThat((double) promised).as(first.text() + " (took " + took + " s)")
        .isBetween(took * 0.8, took * 1.2);
  }

  private static long number(String group) {
    return Optional.ofNullable(group).map(Long::parseLong).orElse(0L);
  }

  private static void everyRoomOnceAndNothingLeftToDo(LocalSynapse synapse, Path config,
      String token) throws Exception {
    String joined = synapse.get("/_matrix/client/v3/joined_rooms", token);
    assertThat(joined.split("\"!").length - 1).as("rooms the account is in").isEqualTo(30);
    StringWriter again = new StringWriter();
    assertThat(Main.run(new PrintWriter(again, true), new PrintWriter(new StringWriter(), true),
        "apply", "-c", config.toString(), "--at", "2027-04-01T00:00:00Z")).isZero();
    assertThat(again.toString()).contains("Nothing created or changed.");
  }
}
