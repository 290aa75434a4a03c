package io.usher.apply;

import static org.assertj.core.api.Assertions.assertThat;

import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;

class ProgressTest {
  private final List<String> lines = new ArrayList<>();

  @Test
  void theLastStepIsAlwaysReported() {
    Progress progress = new Progress("apply", "actions", 3, lines::add);
    for (int i = 0; i < 3; i++) {
      progress.step();
    }
    assertThat(lines).last().asString().startsWith("apply: 3/3 actions, ").endsWith("ETA 0 s");
  }

  @Test
  void aFirst429IsReportedAtOnceWithAnEtaFromTheWaitNotFromTheBurst() {
    Progress progress = new Progress("apply", "actions", 30, lines::add);
    for (int i = 0; i < 10; i++) {
      progress.step();
    }
    lines.clear();

    progress.rateLimited("createRoom", Duration.ofMillis(62_500));

    // The burst's pace would promise the other 20 in well under a second.
    assertThat(lines).containsExactly("apply: 10/30 actions, rate-limited by the homeserver:"
        + " about one every 62.5 s, ETA 20 min 50 s");
  }

  @Test
  void laterStepsUnderTheLimitKeepTheLimitedPace() throws InterruptedException {
    Progress progress = new Progress("apply", "actions", 1108, lines::add);
    progress.rateLimited("createRoom", Duration.ofMillis(62_500));
    progress.rateLimited("createRoom", Duration.ofMillis(61_000));
    assertThat(lines).as("one line for the news, not one per 429").hasSize(1);
    Thread.sleep(600); // progress lines come at most twice a second
    progress.step();

    assertThat(lines).hasSize(2);
    assertThat(lines.get(1)).isEqualTo("apply: 1/1108 actions, rate-limited by the"
        + " homeserver: about one every 61.0 s, ETA 18 h 45 min");
  }

  @Test
  void durationsReadAsPeopleSayThem() {
    assertThat(Progress.duration(42)).isEqualTo("42 s");
    assertThat(Progress.duration(1250)).isEqualTo("20 min 50 s");
    assertThat(Progress.duration(69_250)).isEqualTo("19 h 14 min");
    assertThat(Progress.rate(7.43)).isEqualTo("7.4");
    assertThat(Progress.rate(30 / 1251.3)).isEqualTo("0.024");
  }
}
