package io.usher.app;

import io.usher.schedule.Conference;
import io.usher.schedule.People;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.source.ScheduleFormats;
import io.usher.schedule.source.ScheduleSource;
import java.io.PrintWriter;
import java.nio.file.Path;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;
import picocli.CommandLine.Option;

/** Options shared by commands that read the config and the schedule. */
final class ConferenceOptions {
  private static final Logger LOG = LoggerFactory.getLogger(ConferenceOptions.class);

  @Option(names = {"-c", "--config"}, defaultValue = "usher.yaml",
      description = "Config file (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--schedule", description = "Use this schedule file or URL instead of the"
      + " config's conference.schedule.")
  String schedule;

  @Option(names = "--at", description = "Plan for this time instead of now (ISO-8601, e.g."
      + " 2026-02-01T10:00:00Z, or local time in the conference's zone, 2026-02-01T10:00):"
      + " talks ended by then are hallways.")
  String at;

  /** The instant the desired state is for: --at, else now. */
  Instant at(Settings settings) {
    return at == null ? Instant.now() : Times.parse(at, settings.timeZone(), "--at");
  }

  /**
   * Reads config, people file and schedule (bad input stops here), then connects to the
   * homeserver, with the desired state for {@code --at}.
   */
  Session session(PrintWriter err) {
    Inputs inputs = Inputs.read(settings());
    return Session.open(inputs, err, at(inputs.settings()));
  }

  /** The validated settings, with --schedule applied. */
  Settings settings() {
    Settings settings = configured();
    return schedule == null ? settings : settings.withSchedule(schedule);
  }

  /** The validated settings as the config file has them, without --schedule. */
  Settings configured() {
    return configured(config);
  }

  /** The validated settings of {@code file}; a bad config becomes a {@link BadInputException}. */
  static Settings configured(Path file) {
    try {
      return new ConfigLoader().load(file);
    } catch (ConfigException e) {
      throw new BadInputException("invalid config:\n" + e.getMessage(), e);
    }
  }

  /**
   * The parsed, validated schedule, with the people file checked against it; read before any
   * request reaches the homeserver.
   */
  static Conference conference(Settings settings) {
    return conference(settings, PeopleFiles.load(settings.people()));
  }

  /** The same, checking an already loaded people file. */
  static Conference conference(Settings settings, People people) {
    return conference(settings, people, source(settings));
  }

  /**
   * The same, from {@code source}: a running process keeps one, so an unchanged schedule URL
   * costs a 304 and no parse.
   */
  static Conference conference(Settings settings, People people, ScheduleSource source) {
    Conference conference = load(source, settings.schedule());
    PeopleFiles.check(settings, conference, people);
    return conference;
  }

  /**
   * Where the config's schedule comes from: its request headers and its last good copy in
   * {@code conference.schedule_cache}; falling back to that copy is logged as a warning.
   */
  static ScheduleSource source(Settings settings) {
    return new ScheduleSource(new OkHttpClient(),
        new ScheduleFormats(Optional.of(settings.timeZone())),
        settings.scheduleHeaders(), Optional.of(settings.scheduleCache()), LOG::warn);
  }

  /** A schedule from a file or URL; a bad one becomes a {@link BadInputException}. */
  static Conference load(String location, Optional<ZoneId> fallbackZone) {
    return load(new ScheduleSource(new OkHttpClient(), fallbackZone), location);
  }

  /** A schedule from {@code source}; a bad one becomes a {@link BadInputException}. */
  static Conference load(ScheduleSource source, String location) {
    try {
      return source.load(location);
    } catch (ScheduleException e) {
      throw new BadInputException("invalid schedule:\n" + e.getMessage(), e);
    }
  }
}
