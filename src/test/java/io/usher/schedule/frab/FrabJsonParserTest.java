package io.usher.schedule.frab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleException;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A frab/pretalx schedule.json of the wrong shape is an error with its path and line, never an
 * empty list of talks; event errors name the event's line (issue 15, items 2 and 3).
 */
class FrabJsonParserTest {
  static Conference parse(String json) throws ScheduleException {
    return new FrabJsonParser(Optional.of(ZoneId.of("UTC"))).parse(
        new ByteArrayInputStream(json.getBytes(StandardCharsets.UTF_8)), "schedule.json");
  }

  /** A schedule whose line 5 holds {@code days}; {@code days} is pasted in as given. */
  static String withDays(String days) {
    return """
        {
          "schedule": {
            "conference": {
              "title": "T",
              "days": %s
            }
          }
        }
        """.formatted(days);
  }

  static final String EVENT = """
      {"id": 7, "title": "Talk", "start": "10:00", "duration": "00:30", "room": "A"}""";

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', quoteCharacter = '`', textBlock = """
      `"monday"`                                          | schedule.json:5: schedule.conference.days: expected an array of days, got a string
      `[1]`                                               | schedule.json:5: schedule.conference.days[0]: expected a day object, got a number
      `[{"date": "2026-02-01", "rooms": []}]`             | schedule.json:5: schedule.conference.days[0].rooms: expected an object of rooms (name: [events]), got an array
      `[{"date": "2026-02-01", "rooms": {"Saal 1": {}}}]` | schedule.json:5: schedule.conference.days[0].rooms["Saal 1"]: expected an array of events, got an object
      `[{"date": "2026-02-01", "rooms": {"A": [true]}}]`  | schedule.json:5: schedule.conference.days[0].rooms.A[0]: expected an event object, got a boolean
      `[{"date": "2026-02-01", "rooms": {"A": [{"id": 1, %e, "persons": "Jane"}]}}]` | schedule.json:5: schedule.conference.days[0].rooms.A[0].persons: expected an array of persons, got a string
      `[{"date": "2026-02-01", "rooms": {"A": [{"id": 1, %e, "persons": [null]}]}}]` | schedule.json:5: schedule.conference.days[0].rooms.A[0].persons[0]: expected a person object, got null
      `[{"date": "Monday", "rooms": {}}]`                 | schedule.json:5: schedule.conference.days[0].date: 'Monday' is not YYYY-MM-DD""")
  void aWrongShapeIsAnErrorWithItsPathAndLine(String days, String message) {
    String full = days.replace("%e", "\"start\": \"10:00\", \"duration\": \"00:30\","
        + " \"title\": \"T\", \"room\": \"A\"");
    assertThatThrownBy(() -> parse(withDays(full)))
        .isInstanceOf(ScheduleException.class)
        .hasMessage(message);
  }

  @Test
  void theRootAndConferenceMustBeObjects() {
    assertThatThrownBy(() -> parse("[]"))
        .hasMessage("schedule.json:1: schedule.conference: expected an object (a frab/pretalx"
            + " schedule.json), got nothing");
    assertThatThrownBy(() -> parse("{\n\"schedule\": {\"conference\": 3}}"))
        .hasMessage("schedule.json:2: schedule.conference: expected an object (a frab/pretalx"
            + " schedule.json), got a number");
  }

  static String oneDay(String events) {
    return withDays("""
        [
                {"index": 1, "date": "2026-02-01", "rooms": {
                  "A": [
        %s
                  ]}}]""".formatted(events));
  }

  @Test
  void eventErrorsNameTheEventsLine() {
    String events = String.join(",\n", EVENT,
        "{\"id\": 8, \"title\": \"No start\", \"duration\": \"00:30\", \"room\": \"A\"}",
        "{\"id\": 9, \"title\": \"Long\", \"start\": \"11:00\", \"duration\": \"a while\"}",
        "{\"title\": \"No id\", \"start\": \"12:00\", \"duration\": \"00:30\"}");
    assertThatThrownBy(() -> parse(oneDay(events)))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("schedule.json:9: event 8: missing <start> (expected HH:MM)")
        .hasMessageContaining("schedule.json:10: event 9: <duration> 'a while' is not HH:MM")
        .hasMessageContaining("schedule.json:11: schedule.conference.days[0].rooms.A[3]:"
            + " expected an id or a guid");
  }

  @Test
  void talksCarryTheLineOfTheirEvent() throws Exception {
    Conference conference = parse(oneDay(EVENT + ",\n" + EVENT.replace("7", "8")
        .replace("10:00", "11:00")));
    assertThat(conference.talks()).extracting(t -> t.location().toString())
        .containsExactly("schedule.json:8", "schedule.json:9");
  }

  @Test
  void malformedJsonKeepsItsLine() {
    assertThatThrownBy(() -> parse("{\n\"schedule\":\n {,}}"))
        .hasMessageStartingWith("schedule.json:3: malformed JSON");
  }
}
