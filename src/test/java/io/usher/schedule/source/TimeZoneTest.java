package io.usher.schedule.source;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.schedule.Conference;
import io.usher.schedule.Talk;
import java.nio.charset.StandardCharsets;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** Local times in every format become the right UTC instants. */
class TimeZoneTest {
  static Conference parse(String text, String configuredZone) throws Exception {
    return ScheduleFormatsTest.parse(Optional.of(ZoneId.of(configuredZone)),
        text.getBytes(StandardCharsets.UTF_8), "test");
  }

  static Talk talk(Conference conference, String id) {
    return conference.talks().stream().filter(t -> t.id().value().equals(id)).findFirst()
        .orElseThrow();
  }

  static String pentabarf(String zoneElement, String day, String events) {
    return """
        <schedule><conference><title>T</title>%s</conference>
        <day index="1" date="%s"><room name="A">%s</room></day></schedule>
        """.formatted(zoneElement, day, events);
  }

  static String event(String id, String start, String duration) {
    return "<event id=\"" + id + "\"><start>" + start + "</start><duration>" + duration
        + "</duration><room>A</room><title>t" + id + "</title></event>";
  }

  @Test
  void noZoneInTheFileUsesTheConfiguredZone() throws Exception {
    Conference c = parse(pentabarf("", "2026-02-01", event("1", "10:00", "00:30")),
        "Europe/Brussels");
    assertThat(talk(c, "1").start()).isEqualTo(Instant.parse("2026-02-01T09:00:00Z"));
    assertThat(c.timeZone()).isEqualTo(ZoneId.of("Europe/Brussels"));
  }

  @Test
  void offsetsInTheFileWinOverAnyZone() throws Exception {
    String json = """
        {"schedule": {"conference": {"title": "T", "days": [{"index": 1, "date": "2026-02-01",
          "rooms": {"A": [{"id": 7, "date": "2026-02-01T10:00:00+01:00", "start": "10:00",
            "duration": "0:45", "room": "A", "title": "t", "persons": []}]}}]}}}
        """;
    Conference c = parse(json, "America/New_York");
    assertThat(talk(c, "7").start()).isEqualTo(Instant.parse("2026-02-01T09:00:00Z"));
    assertThat(talk(c, "7").end()).isEqualTo(Instant.parse("2026-02-01T09:45:00Z"));
  }

  @Test
  void aNightCrossingTheDaylightSavingChangeKeepsRealDurations() throws Exception {
    // Europe/Berlin springs forward at 02:00 on 2026-03-29: 01:30 is +01:00, 03:30 is +02:00.
    Conference c = parse(pentabarf("<time_zone_name>Europe/Berlin</time_zone_name>"
        + "<day_change>04:00</day_change>", "2026-03-28", event("1", "23:30", "01:00") + event("2", "01:30", "00:30")
            + event("3", "03:30", "00:30")), "UTC");
    assertThat(talk(c, "1").start()).isEqualTo(Instant.parse("2026-03-28T22:30:00Z"));
    assertThat(talk(c, "2").start()).as("after midnight, under the previous day")
        .isEqualTo(Instant.parse("2026-03-29T00:30:00Z"));
    assertThat(talk(c, "3").start()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
  }

  @Test
  void eventsRunningPastMidnightEndOnTheNextDay() throws Exception {
    Conference c = parse(pentabarf("<time_zone_name>Europe/Brussels</time_zone_name>",
        "2026-02-01", event("9", "23:30", "01:15")), "UTC");
    assertThat(talk(c, "9").end()).isEqualTo(Instant.parse("2026-02-01T23:45:00Z"));
    assertThat(talk(c, "9").end().atZone(c.timeZone()).toLocalDate())
        .isEqualTo(java.time.LocalDate.parse("2026-02-02"));
  }

  @Test
  void icalendarTimesInTzidUtcAndFloatingAcrossTheChange() throws Exception {
    String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:test",
        "X-WR-TIMEZONE:Europe/Berlin",
        "BEGIN:VEVENT", "UID:a", "DTSTART;TZID=America/New_York:20260308T013000",
        "DTEND;TZID=America/New_York:20260308T033000", "SUMMARY:across NY's change",
        "LOCATION:A", "END:VEVENT",
        "BEGIN:VEVENT", "UID:b", "DTSTART:20260329T013000Z", "DURATION:PT45M",
        "SUMMARY:utc", "LOCATION:A", "END:VEVENT",
        "BEGIN:VEVENT", "UID:c", "DTSTART:20260329T033000", "SUMMARY:floating, no end",
        "LOCATION:A", "END:VEVENT",
        "BEGIN:VEVENT", "UID:c", "DTSTART:20260329T043000", "DTEND:20260329T050000",
        "SUMMARY:duplicate uid", "LOCATION:A", "END:VEVENT", "END:VCALENDAR", "");
    Conference c = parse(ics, "UTC");
    assertThat(talk(c, "a").start()).isEqualTo(Instant.parse("2026-03-08T06:30:00Z"));
    assertThat(talk(c, "a").duration().toMinutes()).as("one real hour").isEqualTo(60);
    assertThat(talk(c, "b").end()).isEqualTo(Instant.parse("2026-03-29T02:15:00Z"));
    assertThat(talk(c, "c").start()).isEqualTo(Instant.parse("2026-03-29T01:30:00Z"));
    assertThat(talk(c, "c").duration().toMinutes()).isEqualTo(30);
    assertThat(talk(c, "c#2").start()).isEqualTo(Instant.parse("2026-03-29T02:30:00Z"));
    assertThat(c.timeZone()).isEqualTo(ZoneId.of("Europe/Berlin"));
  }
}
