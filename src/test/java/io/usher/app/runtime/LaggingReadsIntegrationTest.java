package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;
import static org.junit.jupiter.api.Assumptions.assumeTrue;

import io.usher.LocalSynapse;
import io.usher.TestSchedule;
import io.usher.TestSchedule.TestTalk;
import io.usher.app.config.TestConfigs;
import io.usher.apply.Homeserver;
import io.usher.apply.ObservedStateReader;
import io.usher.matrix.MatrixClient;
import io.usher.plan.diff.Action;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.temporal.ChronoUnit;
import java.util.List;
import java.util.UUID;
import org.junit.jupiter.api.BeforeAll;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Usher reads right after it writes, and behind Synapse workers the reads come from a worker
 * that hears of the writes late. Here the reader worker hears of every write a second late
 * (scripts/lag_proxy.py between it and Redis), and a plain read right after a build is shown
 * to miss rooms, yet the bot's own next read, and the next process's, see the whole build.
 * Runs in scripts/test-workers, whose Synapse can lag; skipped on a single Synapse.
 */
class LaggingReadsIntegrationTest {
  private static final Duration LAG = Duration.ofSeconds(1);
  static LocalSynapse synapse;

  @TempDir Path dir;

  @BeforeAll
  static void laggingHomeserver() {
    synapse = LocalSynapse.get();
    assumeTrue(LocalSynapse.canLag(), "needs Synapse with workers and the lag proxy"
        + " (scripts/test-workers)");
  }

  private String conferenceId;

  private Path config() throws Exception {
    Instant later = Instant.now().truncatedTo(ChronoUnit.HOURS).plus(Duration.ofDays(1));
    TestSchedule schedule = new TestSchedule();
    for (int i = 1; i <= 4; i++) {
      schedule.add(new TestTalk(Integer.toString(i), "Talk " + i, i % 2 == 0 ? "Even" : "Odd",
          "Room " + i % 2, later.plus(Duration.ofHours(i)), Duration.ofMinutes(30),
          List.of("Speaker " + i)));
    }
    conferenceId = "lag" + UUID.randomUUID().toString().substring(0, 8);
    return TestConfigs.write(dir, synapse, conferenceId, "UTC",
        schedule.write(dir.resolve("schedule.xml")), "");
  }

  /** How many of the conference's rooms a single read, with nothing to wait for, finds. */
  private int plainRead(MatrixClient client) {
    return new ObservedStateReader(Homeserver.of(client)).read(conferenceId).rooms().size();
  }

  private static long creations(List<Action> actions) {
    return actions.stream().filter(a -> a instanceof Action.CreateRoom).count();
  }

  /** Builds, and shows that the lag is real: a plain read right after misses rooms. */
  private Applied buildWhileReadsLag(Path config, MatrixClient plain) throws Exception {
    Applied built = Applied.apply(config, Instant.now());
    long rooms = creations(built.plan().actions());
    assertThat(plainRead(plain)).as("the reader lags: a plain read misses rooms")
        .isLessThan((int) rooms);
    return built;
  }

  @Test
  void theSessionThatBuiltReadsItsWholeBuildBack() throws Exception {
    Path config = config();
    MatrixClient plain = synapse.bot();
    try (AutoCloseable lag = LocalSynapse.lagReads(LAG)) {
      Applied built = buildWhileReadsLag(config, plain);
      assertThat(built.result().failures()).isEmpty();

      assertThat(built.run().plan().actions()).as("the same session's next plan").isEmpty();
    }
  }

  @Test
  void theNextProcessRightAfterABuildAdoptsNoRoomAndCreatesNone() throws Exception {
    Path config = config();
    MatrixClient plain = synapse.bot();
    try (AutoCloseable lag = LocalSynapse.lagReads(LAG)) {
      buildWhileReadsLag(config, plain);

      Applied next = Applied.planned(config, Instant.now());
      assertThat(creations(next.plan().actions())).as("rooms planned again").isZero();
    }
  }
}
