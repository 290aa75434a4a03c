package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Failover time with the check-in interval Usher ships ({@code scheduler.store.checkin_interval}
 * absent): two {@code usher run} processes rehearse {@link ClusterRehearsal}'s conference, and
 * the active one is killed with SIGKILL twice. First 1 s before a boundary, while its Quartz
 * holds the boundary's triggers; then, restarted, right after it handled the first phase of the
 * next boundary, while it holds the claims of the others (the worst case: the survivor waits for
 * Quartz to drop the dead bot before it takes the claims over). Prints, and writes to {@code
 * target/bench/failover.txt}, the time from each kill to the survivor's first phase of that
 * boundary, and {@code failover seconds:} the larger.
 */
@Tag("bench")
class FailoverBench {
  @TempDir Path dir;

  @Test
  void killTheActiveBot() throws Exception {
    List<String> lines = new ArrayList<>();
    try (ClusterRehearsal rehearsal = new ClusterRehearsal(dir)) {
      List<BotProcess> running = new ArrayList<>(List.of(rehearsal.start("a"),
          rehearsal.start("b")));
      Instant first = rehearsal.first.plus(Duration.ofMinutes(10));
      ClusterRehearsal.sleepUntil(rehearsal.wallTimeOf(first).minusSeconds(1));
      BotProcess active = rehearsal.active(running);
      Instant killed = Instant.now();
      active.kill();
      double before = seconds(killed, survivorHandles(rehearsal, other(running, active), first));
      lines.add(String.format("failover, killed 1 s before a boundary: %.1f s", before));

      running.remove(active);
      running.add(rehearsal.start(active.name()));
      Instant second = rehearsal.first.plus(Duration.ofMinutes(20));
      ClusterRehearsal.sleepUntil(rehearsal.wallTimeOf(second).minusSeconds(1));
      BotProcess busy = firstToHandle(running, second);
      busy.kill();
      Instant killedBusy = Instant.now();
      double during = seconds(killedBusy, survivorHandles(rehearsal, other(running, busy),
          second));
      lines.add(String.format("failover, killed after its first phase of a boundary: %.1f s",
          during));
      lines.add(String.format("failover seconds: %.1f", Math.max(before, during)));
    }
    String report = String.join("\n", lines) + "\n";
    System.out.print(report);
    Path results = Path.of("target", "bench", "failover.txt");
    Files.createDirectories(results.getParent());
    Files.writeString(results, report);
  }

  /** The bot that handles a phase of {@code boundary} first, as soon as it says so. */
  private static BotProcess firstToHandle(List<BotProcess> running, Instant boundary)
      throws InterruptedException {
    Instant giveUp = Instant.now().plusSeconds(15);
    while (Instant.now().isBefore(giveUp)) {
      for (BotProcess bot : running) {
        if (ClusterRehearsal.firstHandledFrom(bot, boundary).isPresent()) {
          return bot;
        }
      }
      Thread.sleep(2);
    }
    throw new AssertionError("no bot handled the boundary " + boundary);
  }

  private static BotProcess other(List<BotProcess> running, BotProcess one) {
    return running.stream().filter(bot -> bot != one).findFirst().orElseThrow();
  }

  /** When the survivor handled its first phase at or after {@code boundary}. */
  private static Instant survivorHandles(ClusterRehearsal rehearsal, BotProcess survivor,
      Instant boundary) {
    rehearsal.await(Duration.ofSeconds(60),
        () -> ClusterRehearsal.firstHandledFrom(survivor, boundary).isPresent());
    Optional<Instant> at = ClusterRehearsal.firstHandledFrom(survivor, boundary);
    assertThat(at).isPresent();
    return at.get();
  }

  private static double seconds(Instant from, Instant to) {
    return Duration.between(from, to).toMillis() / 1000.0;
  }
}
