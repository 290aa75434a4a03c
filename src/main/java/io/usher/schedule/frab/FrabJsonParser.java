package io.usher.schedule.frab;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.usher.schedule.Conference;
import io.usher.schedule.Day;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleParser;
import io.usher.schedule.ScheduleProblem;
import io.usher.schedule.ScheduleValidator;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Parses frab's and pretalx's {@code schedule.json} (https://c3voc.de/schedule/schema.json):
 * {@code schedule.conference.days[].rooms{name: [event]}}. It is the JSON rendering of the
 * frab XML model, so events go through the same {@link EventResolver}: ids may be integers,
 * durations {@code H:MM} or {@code HH:MM}, persons carry {@code public_name} or {@code name}.
 * A part of the wrong shape ({@code "days": "monday"}) is an error naming its path and line,
 * never an empty list: an empty schedule would close every talk room.
 */
public final class FrabJsonParser implements ScheduleParser {
  // An instance field, not a static one: an ObjectMapper's configuration is mutable state.
  private final ObjectMapper mapper = new ObjectMapper();
  private final Optional<ZoneId> fallbackZone;

  /** @param fallbackZone the zone for files without {@code time_zone_name}; empty for none */
  public FrabJsonParser(Optional<ZoneId> fallbackZone) {
    this.fallbackZone = fallbackZone;
  }

  /**
   * Parses and validates a frab/pretalx {@code schedule.json} stream; {@code source} names it in
   * errors. Times as in {@link PentabarfParser}: an event's {@code date} with its offset wins,
   * else the day's {@code date} plus {@code start} in {@code time_zone_name} or the fallback zone.
   *
   * @throws ScheduleException for malformed JSON (with its line); a missing
   *     {@code schedule.conference}; every part of the wrong shape (days not an array, a day,
   *     an event or a person not an object, rooms not an object, a room's events not an
   *     array), a day's {@code date} that is not {@code YYYY-MM-DD} and an event without an
   *     {@code id} or {@code guid}, each as {@code source:line: path: expected ..., got ...};
   *     missing or malformed event fields at the event's line; no events at all
   */
  @Override
  public Conference parse(InputStream in, String source) throws ScheduleException {
    JsonAt conference = JsonDocument.read(mapper, in, source).root().field("schedule")
        .field("conference");
    if (!conference.node().isObject()) {
      throw new ScheduleException(List.of(
          conference.expected("an object (a frab/pretalx schedule.json)")));
    }
    RawSchedule document = new RawSchedule(source);
    for (String field : new String[] {"title", "acronym", "time_zone_name", "day_change"}) {
      if (conference.node().path(field).isTextual()) {
        document.conference.put(field, conference.node().path(field).asText().strip());
      }
    }
    List<ScheduleProblem> problems = new ArrayList<>();
    for (JsonAt day : array(conference.field("days"), "an array of days", problems)) {
      readDay(day, document, problems);
    }
    Conference parsed = resolve(document, problems);
    return new ScheduleValidator().validate(parsed,
        "event in schedule.conference.days[].rooms");
  }

  /** The events resolved; every problem at once, shapes and events, in line order. */
  private Conference resolve(RawSchedule document, List<ScheduleProblem> problems)
      throws ScheduleException {
    Conference parsed = null;
    try {
      parsed = new EventResolver(document.source, fallbackZone).resolve(document);
    } catch (ScheduleException e) {
      problems.addAll(e.problems());
    }
    if (!problems.isEmpty()) {
      throw new ScheduleException(problems.stream()
          .sorted(Comparator.comparingInt(p -> p.where().line())).toList());
    }
    return parsed;
  }

  /** The elements of an array; none for an absent one; none and a problem for another shape. */
  private static List<JsonAt> array(JsonAt at, String what, List<ScheduleProblem> problems) {
    if (!at.isAbsent() && !at.node().isArray()) {
      problems.add(at.expected(what));
    }
    return at.elements();
  }

  private static void readDay(JsonAt day, RawSchedule document, List<ScheduleProblem> problems) {
    if (!day.node().isObject()) {
      problems.add(day.expected("a day object"));
      return;
    }
    JsonAt dateAt = day.field("date");
    if (!dateAt.node().isTextual()) {
      problems.add(dateAt.expected("a date (YYYY-MM-DD)"));
      return;
    }
    LocalDate date;
    try {
      date = LocalDate.parse(dateAt.node().asText().strip());
    } catch (DateTimeException e) {
      problems.add(dateAt.problem("'" + dateAt.node().asText() + "' is not YYYY-MM-DD"));
      return;
    }
    document.days.add(new Day(day.node().path("index").asInt(document.days.size() + 1), date));
    JsonAt rooms = day.field("rooms");
    if (!rooms.isAbsent() && !rooms.node().isObject()) {
      problems.add(rooms.expected("an object of rooms (name: [events])"));
    }
    for (Map.Entry<String, JsonAt> room : rooms.fields().entrySet()) {
      document.rooms.add(room.getKey().strip());
      for (JsonAt event : array(room.getValue(), "an array of events", problems)) {
        readEvent(event, date, room.getKey(), document, problems);
      }
    }
  }

  private static void readEvent(JsonAt at, LocalDate date, String room, RawSchedule document,
      List<ScheduleProblem> problems) {
    JsonNode json = at.node();
    if (!json.isObject()) {
      problems.add(at.expected("an event object"));
      return;
    }
    String id = json.path("id").asText(json.path("guid").asText("")).strip();
    if (json.path("id").isContainerNode() || id.isEmpty()) {
      problems.add(at.problem("expected an id or a guid"));
      return;
    }
    RawEvent event = new RawEvent(id, at.where().line(), date, room);
    json.fields().forEachRemaining(field -> {
      if (field.getValue().isValueNode() && !field.getValue().isNull()) {
        event.fields.put(field.getKey(), field.getValue().asText());
      }
    });
    readPersons(at.field("persons"), event, problems);
    document.events.add(event);
  }

  private static void readPersons(JsonAt persons, RawEvent event,
      List<ScheduleProblem> problems) {
    for (JsonAt person : array(persons, "an array of persons", problems)) {
      if (!person.node().isObject()) {
        problems.add(person.expected("a person object"));
        continue;
      }
      JsonNode json = person.node();
      String name = json.path("public_name").asText(json.path("name").asText(""));
      String id = json.path("id").isMissingNode() || json.path("id").isNull() ? null
          : json.path("id").asText();
      event.persons.add(new String[] {id, name});
    }
  }
}
