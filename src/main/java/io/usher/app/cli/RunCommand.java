package io.usher.app.cli;

import io.usher.app.config.BadInputException;
import io.usher.app.config.Durations;
import io.usher.app.config.Settings;
import io.usher.app.runtime.LiveBot;
import io.usher.app.runtime.PhaseMetrics;
import io.usher.app.runtime.WebProcess;
import io.usher.scheduler.ScaledClock;
import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import java.util.concurrent.TimeUnit;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code usher run}: runs the conference until stopped. */
@Command(name = "run", description = "Run the conference: keep the rooms in step with the"
    + " schedule, announce talks, open hallways, obey the management room. With --at and"
    + " --speed, rehearse from another time at another speed.")
final class RunCommand implements Callable<Integer> {
  @Mixin Output output;

  @Mixin ConferenceOptions options;

  @Option(names = "--speed", defaultValue = "1", description = "Run the clock this many times"
      + " faster than real time (rehearsals; default ${DEFAULT-VALUE}).")
  double speed;

  @Option(names = "--at-wall", description = "With --at: the real time (ISO-8601 instant) at"
      + " which the rehearsal clock reads --at; default now. Bots rehearsing together on one"
      + " database (scheduler.store) need the same.")
  String atWall;

  @Option(names = "--for", description = "Stop after this much real time (e.g. 90s, 10m).")
  String duration;

  @Option(names = "--no-web", description = "Do not serve the widgets from this process (run"
      + " usher web apart instead, so they outlive a bot restart).")
  boolean noWeb;

  @Option(names = "--confirm-removals", description = "Start even if the schedule cancels more"
      + " talks than conference.removal_guard allows at once (their rooms are closed for good).")
  boolean confirmRemovals;

  @Override
  public Integer call() throws Exception {
    Settings settings = options.settings();
    if (!(speed > 0)) {
      throw new BadInputException("--speed: " + speed + " must be positive", null);
    }
    Clock clock = options.at == null && speed == 1 ? Clock.systemUTC()
        : new ScaledClock(Clock.systemUTC(), atWall == null ? Instant.now()
            : Times.parse(atWall, settings.timeZone(), "--at-wall"), options.at(settings), speed);
    Duration stopAfter = duration == null ? null : Durations.parse(duration).orElseThrow(() ->
        new BadInputException("--for: '" + duration + "' is not a duration (e.g. 90s)", null));
    CountDownLatch stopped = new CountDownLatch(1);
    PhaseMetrics phases = new PhaseMetrics();
    try (LiveBot bot = LiveBot.open(settings, clock, output.err(), phases,
        Duration.ofSeconds(30));
        AutoCloseable web = noWeb || settings.web().publicUrl().isEmpty() ? () -> { }
            : new WebProcess(settings, clock, bot.scheduleSource(), bot::role, phases).start()) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      bot.start(confirmRemovals);
      output.out().println("Running " + settings.conferenceId() + " at " + clock.instant()
          + (speed == 1 ? "" : " (x" + speed + ")") + "; management room: "
          + bot.managementRoomId().orElse("none configured") + ". Ctrl-C stops.");
      output.out().flush();
      if (stopAfter == null) {
        stopped.await();
      } else {
        stopped.await(stopAfter.toMillis(), TimeUnit.MILLISECONDS);
      }
      output.out().println("Stopping at " + clock.instant() + ". " + bot.session()
          .requestSummary());
    }
    return 0;
  }
}
