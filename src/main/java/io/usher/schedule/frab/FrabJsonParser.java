package io.usher.schedule.frab;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.usher.schedule.Conference;
import io.usher.schedule.Day;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleParser;
import io.usher.schedule.ScheduleValidator;
import io.usher.schedule.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.time.DateTimeException;
import java.time.LocalDate;
import java.time.ZoneId;
import java.util.Iterator;
import java.util.Map;
import java.util.Optional;

/**
 * Parses frab's and pretalx's {@code schedule.json} (https://c3voc.de/schedule/schema.json):
 * {@code schedule.conference.days[].rooms{name: [event]}}. It is the JSON rendering of the
 * frab XML model, so events go through the same {@link EventResolver}: ids may be integers,
 * durations {@code H:MM} or {@code HH:MM}, persons carry {@code public_name} or {@code name}.
 * JSON has no useful line numbers; errors name the source and the event id.
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
   * @throws ScheduleException for malformed JSON (with its line), a missing
   *     {@code schedule.conference}, a day's {@code date} that is not {@code YYYY-MM-DD}, and
   *     missing or malformed event fields (line 0, naming the event id)
   */
  @Override
  public Conference parse(InputStream in, String source) throws ScheduleException {
    JsonNode root;
    try {
      root = mapper.readTree(in);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ScheduleException(new SourceLocation(source, line),
          "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ScheduleException(new SourceLocation(source, 0),
          "cannot read schedule: " + e.getMessage());
    }
    JsonNode conference = root == null ? null : root.path("schedule").path("conference");
    if (conference == null || !conference.isObject()) {
      throw new ScheduleException(new SourceLocation(source, 0),
          "expected a frab/pretalx schedule.json with schedule.conference");
    }
    RawSchedule document = new RawSchedule(source);
    for (String field : new String[] {"title", "acronym", "time_zone_name", "day_change"}) {
      if (conference.path(field).isTextual()) {
        document.conference.put(field, conference.path(field).asText().strip());
      }
    }
    for (JsonNode day : conference.path("days")) {
      readDay(day, document);
    }
    Conference parsed = new EventResolver(source, fallbackZone).resolve(document);
    return new ScheduleValidator().validate(parsed,
        "event in schedule.conference.days[].rooms");
  }

  private static void readDay(JsonNode day, RawSchedule document)
      throws ScheduleException {
    LocalDate date;
    try {
      date = LocalDate.parse(day.path("date").asText());
    } catch (DateTimeException e) {
      throw new ScheduleException(new SourceLocation(document.source, 0), "day "
          + day.path("index").asText("?") + ": date '" + day.path("date").asText()
          + "' is not YYYY-MM-DD");
    }
    document.days.add(new Day(day.path("index").asInt(document.days.size() + 1), date));
    Iterator<Map.Entry<String, JsonNode>> rooms = day.path("rooms").fields();
    while (rooms.hasNext()) {
      Map.Entry<String, JsonNode> room = rooms.next();
      document.rooms.add(room.getKey().strip());
      for (JsonNode event : room.getValue()) {
        document.events.add(event(event, date, room.getKey()));
      }
    }
  }

  private static RawEvent event(JsonNode json, LocalDate date, String room) {
    RawEvent event = new RawEvent(json.path("id").asText(json.path("guid").asText()), 0, date,
        room);
    json.fields().forEachRemaining(field -> {
      if (field.getValue().isValueNode() && !field.getValue().isNull()) {
        event.fields.put(field.getKey(), field.getValue().asText());
      }
    });
    for (JsonNode person : json.path("persons")) {
      String name = person.path("public_name").asText(person.path("name").asText(""));
      String id = person.path("id").isMissingNode() || person.path("id").isNull() ? null
          : person.path("id").asText();
      event.persons.add(new String[] {id, name});
    }
    return event;
  }
}
