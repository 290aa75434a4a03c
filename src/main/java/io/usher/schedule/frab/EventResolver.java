package io.usher.schedule.frab;

import io.usher.schedule.Conference;
import io.usher.schedule.Person;
import io.usher.schedule.PersonId;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleProblem;
import io.usher.schedule.SourceLocation;
import io.usher.schedule.Talk;
import io.usher.schedule.TalkId;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.LocalTime;
import java.time.OffsetDateTime;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.Set;
import java.util.TreeSet;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Turns raw Pentabarf events into talks with UTC start instants; collects every problem. */
final class EventResolver {
  private static final Pattern CANCELLED =
      Pattern.compile("(?i)cancell?ed|abgesagt|withdrawn");
  private static final Pattern CANCELLED_TITLE =
      Pattern.compile("(?i)^\\W*(cancell?ed|abgesagt)\\b");
  private static final Pattern CLOCK = Pattern.compile("(\\d{1,2}):(\\d{2})(?::(\\d{2}))?");

  private final String source;
  private final Optional<ZoneId> fallbackZone;

  EventResolver(String source, Optional<ZoneId> fallbackZone) {
    this.source = source;
    this.fallbackZone = fallbackZone;
  }

  Conference resolve(RawSchedule document) throws ScheduleException {
    ZoneId zone = zone(document);
    LocalTime dayChange = parseClock(document.conference.getOrDefault("day_change", ""))
        .map(d -> LocalTime.MIDNIGHT.plus(d))
        .orElse(LocalTime.MIDNIGHT);
    List<ScheduleProblem> problems = new ArrayList<>();
    List<Talk> talks = new ArrayList<>();
    List<ScheduleProblem> notes = new ArrayList<>();
    for (RawEvent event : document.events) {
      if (isCancelled(event)) {
        notes.add(new ScheduleProblem(new SourceLocation(source, event.line), "event " + event.id
            + " \"" + event.field("title") + "\" is cancelled: skipped (its room is closed)"));
        continue;
      }
      try {
        talks.add(talk(event, zone, dayChange, document.rooms));
      } catch (ScheduleException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ScheduleException(problems);
    }
    return new Conference(document.conference.get("title"), document.conference.get("acronym"),
        zone, document.days, talks, source, notes);
  }

  private ZoneId zone(RawSchedule document) throws ScheduleException {
    String name = document.conference.getOrDefault("time_zone_name", "");
    if (name.isEmpty()) {
      // frab exports without time_zone_name (33C3) still give each event's offset.
      return fallbackZone.or(() -> firstOffset(document)).orElseThrow(() ->
          new ScheduleException(new SourceLocation(source, 0), "the schedule has no"
              + " <time_zone_name>: set conference.time_zone in the config"));
    }
    try {
      return ZoneId.of(name);
    } catch (DateTimeException e) {
      throw new ScheduleException(new SourceLocation(source, 0),
          "<time_zone_name> '" + name + "' is not a known time zone (expected e.g. Europe/Brussels)");
    }
  }

  /**
   * An event marked cancelled: by a {@code state} or {@code status} field, a {@code type}, or
   * (how organisers mark it by hand) a title starting "Cancelled", "Canceled" or "Abgesagt".
   */
  static boolean isCancelled(RawEvent event) {
    return CANCELLED.matcher(event.field("state")).matches()
        || CANCELLED.matcher(event.field("status")).matches()
        || CANCELLED.matcher(event.field("type")).matches()
        || CANCELLED_TITLE.matcher(event.field("title")).find();
  }

  private static Optional<ZoneId> firstOffset(RawSchedule document) {
    for (RawEvent event : document.events) {
      try {
        return Optional.of(OffsetDateTime.parse(event.field("date")).getOffset());
      } catch (DateTimeException noOffset) {
        return Optional.empty();
      }
    }
    return Optional.empty();
  }

  private Talk talk(RawEvent event, ZoneId zone, LocalTime dayChange, Set<String> rooms)
      throws ScheduleException {
    SourceLocation where = new SourceLocation(source, event.line);
    String startText = event.field("start");
    if (startText.isEmpty()) {
      throw new ScheduleException(where, "event " + event.id + ": missing <start> (expected HH:MM)");
    }
    Instant start = start(event, where, zone, dayChange, startText);
    Duration duration = parseClock(event.field("duration")).orElseThrow(() ->
        new ScheduleException(where, "event " + event.id + ": <duration> '"
            + event.field("duration") + "' is not HH:MM"));
    String room = event.field("room").isEmpty() ? event.dayRoom : event.field("room");
    if (!rooms.isEmpty() && !rooms.contains(room)) {
      throw new ScheduleException(where, "event " + event.id + ": <room> '" + room + "' is not"
          + " one of the schedule's rooms (expected one of " + new TreeSet<>(rooms) + ")");
    }
    return new Talk(new TalkId(event.id), event.field("slug"), event.field("title"),
        event.field("subtitle"), event.field("track"), event.field("type"), room, start,
        duration, event.fields.getOrDefault("abstract", ""), persons(event), where);
  }

  private static Instant start(RawEvent event, SourceLocation where, ZoneId zone,
      LocalTime dayChange, String startText) throws ScheduleException {
    String date = event.field("date");
    if (!date.isEmpty()) {
      try {
        return OffsetDateTime.parse(date).toInstant();
      } catch (DateTimeException withoutOffset) {
        try {
          return LocalDateTime.parse(date).atZone(zone).toInstant();
        } catch (DateTimeException e) {
          throw new ScheduleException(where, "event " + event.id + ": <date> '" + date
              + "' is not an ISO-8601 date-time (expected e.g. 2025-02-01T10:35:00+01:00)");
        }
      }
    }
    LocalTime time = parseClock(startText).filter(d -> d.toHours() < 24)
        .map(d -> LocalTime.MIDNIGHT.plus(d))
        .orElseThrow(() -> new ScheduleException(where, "event " + event.id + ": <start> '"
            + startText + "' is not HH:MM"));
    // Events after midnight stay under the previous <day>: they belong to the next date.
    var day = time.isBefore(dayChange) ? event.dayDate.plusDays(1) : event.dayDate;
    return day.atTime(time).atZone(zone).toInstant();
  }

  private static List<Person> persons(RawEvent event) {
    List<Person> persons = new ArrayList<>();
    for (String[] person : event.persons) {
      String name = person[1] == null ? "" : person[1].strip();
      String id = person[0] == null || person[0].isBlank() ? "name:" + name : person[0].strip();
      persons.add(new Person(new PersonId(id), name));
    }
    return persons;
  }

  /** Parses {@code H:MM}, {@code HH:MM} or {@code HH:MM:SS} into a duration. */
  static Optional<Duration> parseClock(String text) {
    Matcher m = CLOCK.matcher(text.strip());
    if (!m.matches()) {
      return Optional.empty();
    }
    int minutes = Integer.parseInt(m.group(2));
    int seconds = m.group(3) == null ? 0 : Integer.parseInt(m.group(3));
    if (minutes > 59 || seconds > 59) {
      return Optional.empty();
    }
    return Optional.of(Duration.ofHours(Integer.parseInt(m.group(1)))
        .plusMinutes(minutes).plusSeconds(seconds));
  }
}
