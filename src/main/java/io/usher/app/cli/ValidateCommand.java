package io.usher.app.cli;

import io.usher.app.runtime.Schedules;
import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleValidator;
import io.usher.schedule.Talk;
import java.time.Instant;
import java.time.ZoneId;
import java.time.format.DateTimeFormatter;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.stream.Collectors;
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

  @Option(names = "--handovers", description = "Also list the instants at which a talk ends and"
      + " another starts, one a line (handover: TIME ends ...; starts ...), soonest first: where"
      + " a rehearsal (usher run --at) shows a talk going live and a hallway opening.")
  boolean handovers;

  @Override
  public Integer call() {
    Conference c = Schedules.load(schedule, Optional.ofNullable(zone));
    output.out().printf("%s: %s, %d days, %d rooms with talks, %d tracks, %d talks, %d persons"
        + " (times in %s)%n", schedule, c.title(), c.days().size(), c.roomsWithTalks().size(),
        c.trackNames().size(), c.talks().size(), c.persons().size(), c.timeZone());
    c.notes().forEach(note -> output.out().println("note: " + note));
    new ScheduleValidator().warnings(c).forEach(w -> output.out().println("warning: " + w));
    if (handovers) {
      handovers(c).forEach(line -> output.out().println("handover: " + line));
    }
    return 0;
  }

  /** Each instant at which talks end and others start, in the conference's zone, with them. */
  static List<String> handovers(Conference c) {
    Map<Instant, List<Talk>> starting = c.talks().stream().collect(Collectors.groupingBy(
        Talk::start, TreeMap::new, Collectors.toList()));
    Map<Instant, List<Talk>> ending = c.talks().stream().collect(Collectors.groupingBy(
        Talk::end));
    return starting.entrySet().stream().filter(e -> ending.containsKey(e.getKey()))
        .map(e -> DateTimeFormatter.ISO_OFFSET_DATE_TIME.format(e.getKey().atZone(c.timeZone()))
            + " ends " + titles(ending.get(e.getKey())) + "; starts " + titles(e.getValue()))
        .toList();
  }

  private static String titles(List<Talk> talks) {
    return talks.stream().map(t -> t.id().value() + " “" + t.title() + "”")
        .collect(Collectors.joining(", "));
  }
}
