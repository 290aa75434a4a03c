package io.usher.app.cli;

import io.usher.app.runtime.Schedules;
import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleValidator;
import java.time.ZoneId;
import java.util.Optional;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;
import picocli.CommandLine.Parameters;

/** {@code usher validate FILE}: checks a schedule without touching any homeserver. */
@Command(name = "validate", description = "Check a schedule file or URL; contacts no homeserver.")
final class ValidateCommand implements Callable<Integer> {
  @Mixin Output output;

  @Parameters(paramLabel = "SCHEDULE", description = "Schedule file or http(s) URL.")
  String schedule;

  @Option(names = "--time-zone", description = "Zone for schedules that name none (IANA name).")
  ZoneId zone;

  @Override
  public Integer call() {
    Conference c = Schedules.load(schedule, Optional.ofNullable(zone));
    output.out().printf("%s: %s, %d days, %d rooms with talks, %d tracks, %d talks, %d persons"
        + " (times in %s)%n", schedule, c.title(), c.days().size(), c.roomsWithTalks().size(),
        c.trackNames().size(), c.talks().size(), c.persons().size(), c.timeZone());
    c.notes().forEach(note -> output.out().println("note: " + note));
    new ScheduleValidator().warnings(c).forEach(w -> output.out().println("warning: " + w));
    return 0;
  }
}
