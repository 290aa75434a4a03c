package io.usher.schedule.ical;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.cli.Main;
import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleException;
import java.io.ByteArrayInputStream;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * Bad times in an iCalendar file are bad input with file and line, like every other format's
 * (issue 15, item 4): they used to escape as a runtime exception (exit 1, no file, no line).
 */
class IcalParserTest {
  @TempDir Path dir;

  /** One VEVENT starting on line 4; {@code properties} from line 6 on. */
  static String calendar(String... properties) {
    return String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:t", "BEGIN:VEVENT",
        "UID:a", String.join("\r\n", properties), "SUMMARY:x", "LOCATION:A", "END:VEVENT",
        "END:VCALENDAR", "");
  }

  static Conference parse(String ics) throws ScheduleException {
    return new IcalParser(Optional.of(ZoneId.of("UTC"))).parse(
        new ByteArrayInputStream(ics.getBytes(StandardCharsets.UTF_8)), "s.ics");
  }

  @ParameterizedTest(name = "{1}")
  @CsvSource(delimiter = '|', textBlock = """
      DTSTART;TZID=Mars/Olympus:20260201T100000 | s.ics:6: event a: DTSTART TZID 'Mars/Olympus' is not a known time zone (expected an IANA name such as Europe/Berlin)
      DTSTART;TZID=Europe/Berlin:garbage        | s.ics:6: event a: DTSTART 'garbage' is not a date-time (expected e.g. 20250201T103500)
      DTSTART;TZID=Europe/Berlin:2026-02-01     | s.ics:6: event a: DTSTART '2026-02-01' is not a date-time (expected e.g. 20250201T103500)""")
  void anUnknownZoneOrAGarbageStartNamesFileLineAndWhatWasExpected(String start,
      String message) {
    assertThatThrownBy(() -> parse(calendar(start)))
        .isInstanceOf(ScheduleException.class)
        .hasMessage(message);
  }

  @Test
  void anUnknownZoneOnTheEndNamesItsOwnLine() {
    assertThatThrownBy(() -> parse(calendar("DTSTART:20260201T100000Z",
        "DTEND;TZID=Nowhere/Land:20260201T110000")))
        .hasMessage("s.ics:7: event a: DTEND TZID 'Nowhere/Land' is not a known time zone"
            + " (expected an IANA name such as Europe/Berlin)");
  }

  @Test
  void aMissingUidIsAnErrorAtItsEvent() {
    String ics = calendar("DTSTART:20260201T100000Z").replace("UID:a\r\n", "");
    assertThatThrownBy(() -> parse(ics))
        .isInstanceOf(ScheduleException.class)
        .hasMessage("s.ics:4: VEVENT without a UID (expected a unique id per event)");
  }

  @Test
  void talksCarryTheLineOfTheirVevent() throws Exception {
    String two = calendar("DTSTART:20260201T100000Z").replace("END:VCALENDAR",
        "BEGIN:VEVENT\r\nUID:b\r\nDTSTART:20260201T110000Z\r\nSUMMARY:y\r\n"
        + " folded\r\nLOCATION:A\r\nEND:VEVENT\r\nEND:VCALENDAR");
    assertThat(parse(two).talks()).extracting(t -> t.location().toString())
        .containsExactly("s.ics:4", "s.ics:10");
  }

  @Test
  void validateExitsWithTwoNamingFileAndLine() throws Exception {
    Path file = Files.writeString(dir.resolve("tz.ics"),
        calendar("DTSTART;TZID=Mars/Olympus:20260201T100000"));
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "validate", file.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(file + ":6: event a: DTSTART TZID 'Mars/Olympus'");
  }
}
