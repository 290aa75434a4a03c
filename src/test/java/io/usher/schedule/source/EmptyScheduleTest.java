package io.usher.schedule.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.app.cli.Main;
import io.usher.schedule.ScheduleException;
import java.io.PrintWriter;
import java.io.StringWriter;
import java.nio.file.Files;
import java.nio.file.Path;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * A schedule with no talks is refused in every format: applying one would close every talk
 * room (issue 15, item 1), so a pretalx hiccup must not look like a conference with no talks.
 */
class EmptyScheduleTest {
  static final String XML_HEAD = "<schedule><conference><title>T</title>"
      + "<time_zone_name>UTC</time_zone_name></conference>\n";
  static final String JSON_HEAD = "{\"schedule\": {\"conference\": {\"title\": \"T\","
      + " \"time_zone_name\": \"UTC\", ";
  static final String ICS_HEAD = "BEGIN:VCALENDAR\r\nVERSION:2.0\r\nPRODID:t\r\n";

  @ParameterizedTest(name = "{0}")
  @CsvSource(delimiter = '|', textBlock = """
      XML without days        | s.xml  | <event> in a <room> of a <day>
      XML rooms without events| s.xml  | <event> in a <room> of a <day>
      XML all cancelled       | s.xml  | <event> in a <room> of a <day>
      JSON empty days         | s.json | event in schedule.conference.days[].rooms
      JSON rooms empty        | s.json | event in schedule.conference.days[].rooms
      iCalendar no VEVENT     | s.ics  | VEVENT""")
  void aScheduleWithNoTalksIsRefusedNamingTheFileAndWhatWasExpected(String kind, String file,
      String expected) {
    assertThatThrownBy(() -> ScheduleFormatsTest.parseText(content(kind), file))
        .isInstanceOf(ScheduleException.class)
        .hasMessageStartingWith(file + ": no events found")
        .hasMessageContaining("expected at least one " + expected);
  }

  @Test
  void cancelledEventsAreCountedInTheRefusal() {
    assertThatThrownBy(() -> ScheduleFormatsTest.parseText(content("XML all cancelled"),
        "s.xml")).hasMessageContaining("(1 cancelled event skipped)");
  }

  static String content(String kind) {
    return switch (kind) {
      case "XML without days" -> XML_HEAD + "</schedule>";
      case "XML rooms without events" -> XML_HEAD
          + "<day index=\"1\" date=\"2026-02-01\"><room name=\"A\"/></day></schedule>";
      case "XML all cancelled" -> XML_HEAD + "<day index=\"1\" date=\"2026-02-01\"><room"
          + " name=\"A\"><event id=\"1\"><start>10:00</start><duration>01:00</duration>"
          + "<room>A</room><title>Cancelled: gone</title></event></room></day></schedule>";
      case "JSON empty days" -> JSON_HEAD + "\"days\": []}}}";
      case "JSON rooms empty" -> JSON_HEAD + "\"days\": [{\"index\": 1, \"date\":"
          + " \"2026-02-01\", \"rooms\": {\"A\": []}}]}}}";
      case "iCalendar no VEVENT" -> ICS_HEAD + "END:VCALENDAR\r\n";
      default -> throw new IllegalArgumentException(kind);
    };
  }

  @TempDir Path dir;

  @Test
  void validateAndPlanExitWithTwoAndSayWhy() throws Exception {
    Path schedule = Files.writeString(dir.resolve("empty.ics"), content("iCalendar no VEVENT"));
    StringWriter err = new StringWriter();
    int code = Main.run(new PrintWriter(new StringWriter(), true), new PrintWriter(err, true),
        "validate", schedule.toString());
    assertThat(code).isEqualTo(2);
    assertThat(err.toString()).contains(schedule + ": no events found");

    Files.writeString(dir.resolve("token"), "syt_x\n");
    // Nothing listens on port 9: the schedule is refused before any request is made.
    Path config = Files.writeString(dir.resolve("usher.yaml"), """
        homeserver: {url: "http://127.0.0.1:9", access_token_file: token}
        conference: {id: conf, time_zone: UTC, schedule: empty.ics}
        """);
    StringWriter planErr = new StringWriter();
    for (String command : new String[] {"plan", "apply"}) {
      int planCode = Main.run(new PrintWriter(new StringWriter(), true),
          new PrintWriter(planErr, true), command, "-c", config.toString());
      assertThat(planCode).as(command).isEqualTo(2);
    }
    assertThat(planErr.toString()).contains("empty.ics: no events found");
  }
}
