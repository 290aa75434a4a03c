package io.usher.schedule.ical;

import io.usher.schedule.Conference;
import io.usher.schedule.Day;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleParser;
import io.usher.schedule.ScheduleProblem;
import io.usher.schedule.ScheduleValidator;
import io.usher.schedule.SourceLocation;
import io.usher.schedule.Talk;
import io.usher.schedule.TalkId;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.nio.charset.StandardCharsets;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.IntStream;
import net.fortuna.ical4j.data.CalendarBuilder;
import net.fortuna.ical4j.data.ParserException;
import net.fortuna.ical4j.model.Calendar;
import net.fortuna.ical4j.model.Component;
import net.fortuna.ical4j.model.Parameter;
import net.fortuna.ical4j.model.Property;

/**
 * Parses an iCalendar schedule (RFC 5545) with iCal4j: each {@code VEVENT} is a talk, its
 * {@code UID} the talk id, {@code SUMMARY} the title, {@code LOCATION} the room and the first
 * {@code CATEGORIES} value the track. iCalendar carries no persons.
 *
 * <p>Times: {@code TZID} (an IANA name), UTC ({@code Z}), or floating, read in
 * {@code X-WR-TIMEZONE}, else the organiser's zone. An event with neither {@code DTEND} nor
 * {@code DURATION} gets {@value #DEFAULT_MINUTES} minutes; a repeated {@code UID} gets a
 * {@code #2}, {@code #3}... suffix in file order, so every event stays; an empty
 * {@code SUMMARY} becomes {@value #UNTITLED}.
 */
public final class IcalParser implements ScheduleParser {
  static final int DEFAULT_MINUTES = 30;
  static final String UNTITLED = "(untitled)";
  private static final DateTimeFormatter LOCAL = DateTimeFormatter.ofPattern("yyyyMMdd'T'HHmmss");

  private final Optional<ZoneId> fallbackZone;

  /** @param fallbackZone the zone for floating times in files without X-WR-TIMEZONE */
  public IcalParser(Optional<ZoneId> fallbackZone) {
    this.fallbackZone = fallbackZone;
  }

  /**
   * Parses and validates an iCalendar (RFC 5545) stream; {@code source} names it in errors.
   * The conference's zone is {@code X-WR-TIMEZONE}, else the first event's {@code TZID}, else
   * the fallback zone, else UTC; its days are the distinct local dates of its talks.
   *
   * @throws ScheduleException for unparseable iCalendar (with its line), and listing every
   *     event without {@code UID} or {@code DTSTART} (at its {@code BEGIN:VEVENT} line), every
   *     time that cannot be read and every unknown {@code TZID} (at the property's line); for
   *     no VEVENT at all
   */
  @Override
  public Conference parse(InputStream in, String source) throws ScheduleException {
    String text = read(in, source);
    Calendar calendar = calendar(text, source);
    IcalLines lines = IcalLines.of(text, source);
    Optional<ZoneId> declared = text(calendar.getProperty("X-WR-TIMEZONE"))
        .flatMap(IcalParser::zone);
    List<Component> events = calendar.getComponents().stream()
        .filter(c -> c.getName().equals(Component.VEVENT)).map(c -> (Component) c).toList();
    ZoneId zone = declared.or(() -> events.stream().map(e -> tzid(e, Property.DTSTART))
        .flatMap(Optional::stream).findFirst()).or(() -> fallbackZone).orElse(ZoneOffset.UTC);
    List<Talk> talks = new ArrayList<>();
    List<ScheduleProblem> notes = new ArrayList<>();
    List<ScheduleProblem> problems = new ArrayList<>();
    Map<String, Integer> uids = new HashMap<>();
    for (int i = 0; i < events.size(); i++) {
      Component event = events.get(i);
      try {
        Talk talk = talk(event, lines.event(i), declared.or(() -> fallbackZone), uids);
        if (isCancelled(event)) {
          notes.add(new ScheduleProblem(talk.location(), "event " + talk.id() + " \""
              + talk.title() + "\" is cancelled (STATUS:CANCELLED): skipped (its room is closed)"));
        } else {
          talks.add(talk);
        }
      } catch (ScheduleException e) {
        problems.addAll(e.problems());
      }
    }
    if (!problems.isEmpty()) {
      throw new ScheduleException(problems);
    }
    String title = text(calendar.getProperty("X-WR-CALNAME")).orElse(source);
    return new ScheduleValidator().validate(new Conference(title, "", zone, days(talks, zone),
        talks, source, notes), "VEVENT");
  }

  private static boolean isCancelled(Component event) {
    return text(event.getProperty(Property.STATUS)).filter("CANCELLED"::equalsIgnoreCase)
        .isPresent();
  }

  /** The whole text: read once, for iCal4j and for the lines it does not keep. */
  private static String read(InputStream in, String source) throws ScheduleException {
    try {
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new ScheduleException(new SourceLocation(source, 0),
          "cannot read schedule: " + e.getMessage());
    }
  }

  private static Calendar calendar(String text, String source) throws ScheduleException {
    try {
      return new CalendarBuilder().build(new StringReader(text));
    } catch (ParserException e) {
      throw new ScheduleException(new SourceLocation(source, e.getLineNo()),
          "malformed iCalendar: " + e.getMessage());
    } catch (IOException e) {
      throw new ScheduleException(new SourceLocation(source, 0),
          "cannot read schedule: " + e.getMessage());
    }
  }

  /** One day for each local date that has a talk, numbered from 1 in date order. */
  private static List<Day> days(List<Talk> talks, ZoneId zone) {
    List<LocalDate> dates = talks.stream().map(t -> LocalDate.ofInstant(t.start(), zone))
        .distinct().sorted().toList();
    return IntStream.range(0, dates.size()).mapToObj(i -> new Day(i + 1, dates.get(i))).toList();
  }

  private static Talk talk(Component event, IcalLines.Event lines,
      Optional<ZoneId> floatingZone, Map<String, Integer> uids) throws ScheduleException {
    String uid = text(event.getProperty(Property.UID)).orElseThrow(() -> new ScheduleException(
        lines.where(), "VEVENT without a UID (expected a unique id per event)"));
    int seen = uids.merge(uid, 1, Integer::sum);
    String id = seen == 1 ? uid : uid + "#" + seen;
    Instant start = instant(event, Property.DTSTART, floatingZone, lines, id)
        .orElseThrow(() -> new ScheduleException(lines.where(),
            "event " + id + ": missing DTSTART"));
    Optional<Instant> end = instant(event, Property.DTEND, floatingZone, lines, id);
    Duration duration = end.map(e -> Duration.between(start, e))
        .or(() -> text(event.getProperty(Property.DURATION)).map(IcalParser::duration))
        .orElse(Duration.ofMinutes(DEFAULT_MINUTES));
    String track = text(event.getProperty(Property.CATEGORIES))
        .map(c -> c.split(",")[0].strip()).orElse("");
    // Site generators leave SUMMARY empty for slots they could not name (PyCon UK 2015).
    return new Talk(new TalkId(id), "", text(event.getProperty(Property.SUMMARY))
        .orElse(UNTITLED),
        "", track, "", text(event.getProperty(Property.LOCATION)).orElse(""), start, duration,
        text(event.getProperty(Property.DESCRIPTION)).orElse(""), List.of(), lines.where());
  }

  /**
   * A date-time property as an instant, read from its text so that a file's partial or
   * non-standard VTIMEZONE cannot shift it: an IANA {@code TZID}, {@code Z}, or floating.
   */
  private static Optional<Instant> instant(Component event, String name,
      Optional<ZoneId> floatingZone, IcalLines.Event lines, String id) throws ScheduleException {
    Optional<Property> property = event.getProperty(name);
    if (property.isEmpty()) {
      return Optional.empty();
    }
    SourceLocation where = lines.at(name);
    String value = value(property.get(), where, id);
    try {
      if (value.length() == 8) {
        return Optional.of(LocalDate.parse(value, DateTimeFormatter.BASIC_ISO_DATE)
            .atStartOfDay(floatingZone.orElse(ZoneOffset.UTC)).toInstant());
      }
      if (value.endsWith("Z")) {
        return Optional.of(LocalDateTime.parse(value.substring(0, value.length() - 1), LOCAL)
            .toInstant(ZoneOffset.UTC));
      }
      ZoneId zone = tzid(event, name).or(() -> floatingZone).orElseThrow(() ->
          new ScheduleException(where, "event " + id + ": " + name + " " + value
              + " has no time zone: set conference.time_zone in the config"));
      return Optional.of(LocalDateTime.parse(value, LOCAL).atZone(zone).toInstant());
    } catch (DateTimeException e) {
      throw notADateTime(where, id, name, value);
    }
  }

  /**
   * The property's text. iCal4j resolves a {@code TZID} value when asked for its text, so an
   * unknown zone or an unreadable time fails there, as a {@link DateTimeException}.
   */
  private static String value(Property property, SourceLocation where, String id)
      throws ScheduleException {
    try {
      return property.getValue().strip();
    } catch (DateTimeParseException e) {
      throw notADateTime(where, id, property.getName(), e.getParsedString());
    } catch (DateTimeException e) {
      String zone = property.<Parameter>getParameter(Parameter.TZID).map(Parameter::getValue)
          .orElse("");
      throw new ScheduleException(where, "event " + id + ": " + property.getName() + " TZID '"
          + zone + "' is not a known time zone (expected an IANA name such as Europe/Berlin)");
    }
  }

  private static ScheduleException notADateTime(SourceLocation where, String id, String name,
      String value) {
    return new ScheduleException(where, "event " + id + ": " + name + " '" + value
        + "' is not a date-time (expected e.g. 20250201T103500)");
  }

  private static Optional<ZoneId> tzid(Component event, String name) {
    return event.<Property>getProperty(name)
        .flatMap(p -> p.<Parameter>getParameter(Parameter.TZID))
        .map(Parameter::getValue).flatMap(IcalParser::zone);
  }

  private static Optional<ZoneId> zone(String name) {
    try {
      return Optional.of(ZoneId.of(name.strip().replaceFirst("^/", "")));
    } catch (DateTimeException e) {
      return Optional.empty();
    }
  }

  private static Duration duration(String text) {
    try {
      return Duration.parse(text.strip());
    } catch (DateTimeException e) {
      return Duration.ofMinutes(DEFAULT_MINUTES);
    }
  }

  private static Optional<String> text(Optional<? extends Property> property) {
    return property.map(Property::getValue).map(String::strip).filter(s -> !s.isEmpty());
  }
}
