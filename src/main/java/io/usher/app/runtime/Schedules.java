package io.usher.app.runtime;

import io.usher.app.config.BadInputException;
import io.usher.app.config.Settings;
import io.usher.schedule.Conference;
import io.usher.schedule.People;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.source.ScheduleFormats;
import io.usher.schedule.source.ScheduleSource;
import java.time.ZoneId;
import java.util.Optional;
import okhttp3.OkHttpClient;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/** Reads the config's schedule, checked against its people file; a bad one is bad input. */
public final class Schedules {
  private static final Logger LOG = LoggerFactory.getLogger(Schedules.class);

  private Schedules() {}

  /**
   * The parsed, validated schedule, with the people file checked against it; read before any
   * request reaches the homeserver.
   */
  public static Conference conference(Settings settings) {
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
  public static Conference load(String location, Optional<ZoneId> fallbackZone) {
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
