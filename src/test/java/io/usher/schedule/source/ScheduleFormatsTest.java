package io.usher.schedule.source;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.SharedSchedules;
import io.usher.schedule.Conference;
import io.usher.schedule.Person;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleParser;
import io.usher.schedule.Talk;
import io.usher.schedule.frab.FrabJsonParser;
import io.usher.schedule.frab.PentabarfParser;
import io.usher.schedule.ical.IcalParser;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.time.ZoneId;
import java.util.Arrays;
import java.util.Comparator;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;
import org.junit.jupiter.api.Test;

/** Every real schedule in ../shared/schedules, in every format, read into one model. */
class ScheduleFormatsTest {
  static Conference parse(String name, String zone) throws Exception {
    return parse(Optional.of(ZoneId.of(zone)), Files.readAllBytes(SharedSchedules.path(name)),
        name);
  }

  static Conference parse(Optional<ZoneId> zone, byte[] content, String source)
      throws ScheduleException {
    return new ScheduleFormats(zone).parse(new ByteArrayInputStream(content), source);
  }

  static Conference parseText(String text, String source) throws ScheduleException {
    return parse(Optional.empty(), text.getBytes(StandardCharsets.UTF_8), source);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({
      "fosdem-2021_pentabarf_schedule.xml, Europe/Brussels, 773, 106, 684, 2",
      "fosdem-2025_pentabarf-via-pretalx_schedule.xml, Europe/Brussels, 943, 29, 992, 2",
      "ccc-33c3-2016_frab_schedule.xml, Europe/Berlin, 150, 4, 208, 4",
      "ccc-33c3-2016_frab_schedule.json, Europe/Berlin, 150, 4, 208, 4",
      "ccc-33c3-2016_frab_schedule.ics, Europe/Berlin, 150, 4, 0, 4",
      "ccc-camp-2019_frab_schedule.json, Europe/Berlin, 79, 2, 90, 5",
      "rc3-channels-2020_pretalx_schedule.json, Europe/Berlin, 48, 5, 56, 4",
      "divoc-r2r-2021_pretalx_schedule.xml, Europe/Berlin, 45, 1, 48, 4",
      "divoc-r2r-2021_pretalx_schedule.json, Europe/Berlin, 45, 1, 48, 4",
      "divoc-r2r-2021_pretalx_schedule.ics, Europe/Berlin, 45, 1, 0, 4",
      "pycon-uk-2015_site-generated_schedule.ics, Europe/London, 162, 11, 0, 4"})
  void everyRealScheduleParsesWithItsCounts(String file, String zone, int events, int rooms,
      int persons, int days) throws Exception {
    Conference conference = parse(file, zone);
    assertThat(conference.talks()).hasSize(events);
    assertThat(conference.roomsWithTalks()).hasSize(rooms);
    assertThat(conference.persons()).hasSize(persons);
    assertThat(conference.days()).hasSize(days);
    assertThat(conference.talks()).allSatisfy(talk -> {
      assertThat(talk.duration()).isPositive();
      assertThat(talk.room()).isNotEmpty();
    });
  }

  /** The same talk as each format carries it: what every format has in common. */
  record Slot(String title, java.time.Instant start, java.time.Instant end, String room) {}

  static List<Slot> slots(Conference conference) {
    return conference.talks().stream()
        .map(t -> new Slot(t.title(), t.start(), t.end(), t.room()))
        .sorted(Comparator.comparing(Slot::start).thenComparing(Slot::room)).toList();
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource({"ccc-33c3-2016_frab_schedule", "divoc-r2r-2021_pretalx_schedule"})
  void theSameEventInThreeFormatsGivesTheSameModel(String base) throws Exception {
    Conference xml = parse(base + ".xml", "Europe/Berlin");
    Conference json = parse(base + ".json", "Europe/Berlin");
    Conference ics = parse(base + ".ics", "Europe/Berlin");
    assertThat(json.talks()).hasSameSizeAs(xml.talks());
    for (int i = 0; i < xml.talks().size(); i++) {
      Talk x = xml.talks().get(i);
      Talk j = json.talks().stream().filter(t -> t.id().equals(x.id())).findFirst()
          .orElseThrow();
      assertThat(j.title()).isEqualTo(x.title());
      assertThat(j.start()).isEqualTo(x.start());
      assertThat(j.end()).isEqualTo(x.end());
      assertThat(j.room()).isEqualTo(x.room());
      assertThat(j.track()).isEqualTo(x.track());
      assertThat(j.persons()).extracting(Person::name)
          .containsExactlyElementsOf(x.persons().stream().map(Person::name).toList());
    }
    // iCalendar has no ids, tracks or persons of frab's; its SUMMARY is "title - speakers".
    List<Slot> fromXml = slots(xml);
    List<Slot> fromIcs = slots(ics);
    assertThat(fromIcs).hasSameSizeAs(fromXml);
    for (int i = 0; i < fromXml.size(); i++) {
      Slot x = fromXml.get(i);
      Slot c = fromIcs.get(i);
      assertThat(List.of(c.start(), c.end(), c.room())).as(x.title())
          .isEqualTo(List.of(x.start(), x.end(), x.room()));
      assertThat(c.title().strip()).startsWith(x.title().strip());
    }
  }

  @Test
  void overlapsInOneRoomAndPersonsWithoutNamesAreWarningsNotErrors() throws Exception {
    String xml = """
        <schedule><conference><title>T</title><time_zone_name>UTC</time_zone_name></conference>
        <day index="1" date="2026-02-01"><room name="A">
        <event id="1"><start>10:00</start><duration>01:00</duration><room>A</room>
          <title>one</title><persons><person id="p1"></person></persons></event>
        <event id="2"><start>10:45</start><duration>00:30</duration><room>A</room>
          <title>two</title></event></room><room name="B">
        <event id="3"><start>10:45</start><duration>00:30</duration><room>B</room>
          <title>elsewhere</title></event>
        </room></day></schedule>
        """;
    Conference conference = parseText(xml, "s.xml");
    assertThat(new io.usher.schedule.ScheduleValidator().warnings(conference))
        .extracting(Object::toString).containsExactly(
            "s.xml:5: event 2 overlaps event 1 in room A by 15 min",
            "s.xml:3: event 1: person p1 has no name");
  }

  @Test
  void cancelledEventsAreSkippedWithANoteAndUnknownRoomsAreErrors() throws Exception {
    String xml = """
        <schedule><conference><title>T</title><time_zone_name>UTC</time_zone_name></conference>
        <day index="1" date="2026-02-01"><room name="A">
        <event id="1"><start>10:00</start><duration>01:00</duration><room>A</room>
          <title>CANCELLED: Lost talk</title></event>
        <event id="2"><start>11:00</start><duration>00:30</duration><room>A</room>
          <title>Kept</title></event>
        </room></day></schedule>
        """;
    Conference conference = parseText(xml, "s.xml");
    assertThat(conference.talks()).extracting(t -> t.id().value()).containsExactly("2");
    assertThat(conference.notes()).extracting(Object::toString).containsExactly(
        "s.xml:3: event 1 \"CANCELLED: Lost talk\" is cancelled: skipped (its room is closed)");

    String ics = String.join("\r\n", "BEGIN:VCALENDAR", "VERSION:2.0", "PRODID:t",
        "BEGIN:VEVENT", "UID:x", "DTSTART:20260201T100000Z", "SUMMARY:Gone", "LOCATION:A",
        "STATUS:CANCELLED", "END:VEVENT", "BEGIN:VEVENT", "UID:y", "DTSTART:20260201T110000Z",
        "SUMMARY:Here", "LOCATION:A", "END:VEVENT", "END:VCALENDAR", "");
    Conference calendar = parseText(ics, "s.ics");
    assertThat(calendar.talks()).extracting(t -> t.id().value()).containsExactly("y");
    assertThat(calendar.notes()).singleElement().asString().contains("event x \"Gone\" is"
        + " cancelled (STATUS:CANCELLED)");

    String misplaced = xml.replace("<duration>00:30</duration><room>A</room>",
        "<duration>00:30</duration><room>Z</room>");
    assertThatThrownBy(() -> parseText(misplaced, "s.xml"))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("s.xml:5: event 2: <room> 'Z' is not one of the schedule's rooms"
            + " (expected one of [A])");
  }

  @Test
  void theFormatIsTakenFromTheContentNotTheName() throws Exception {
    byte[] json = Files.readAllBytes(SharedSchedules.path("ccc-camp-2019_frab_schedule.json"));
    Conference conference = parse(Optional.of(ZoneId.of("UTC")), json,
        "https://pretalx.example.org/schedule/export/");
    assertThat(conference.talks()).hasSize(79);
    assertThatThrownBy(() -> parseText("# notes\n", "notes.xml"))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("notes.xml:1: not a schedule");
  }

  @Test
  void theParserIsChosenFromTheFirstBytes() throws Exception {
    ScheduleFormats formats = new ScheduleFormats(Optional.empty());
    assertThat(parserFor(formats, "<?xml version=\"1.0\"?>\n<schedule/>"))
        .isInstanceOf(PentabarfParser.class);
    assertThat(parserFor(formats, "\uFEFF \r\n<schedule>")).as("after a BOM and blank lines")
        .isInstanceOf(PentabarfParser.class);
    assertThat(parserFor(formats, "\n\t{\"schedule\": {}}")).isInstanceOf(FrabJsonParser.class);
    assertThat(parserFor(formats, "BEGIN:VCALENDAR\r\n")).isInstanceOf(IcalParser.class);
    assertThat(parserFor(formats, "begin:vcalendar\r\n")).isInstanceOf(IcalParser.class);
  }

  static ScheduleParser parserFor(ScheduleFormats formats, String head)
      throws ScheduleException {
    return formats.parserFor(head.getBytes(StandardCharsets.UTF_8), "s");
  }

  @Test
  void anUnknownFormatNamesTheSourceWhatWasExpectedAndWhatWasFound() {
    String csv = "name,email,registration code of a rather long header line\nJane,j@x.org,1\n";
    assertThatThrownBy(() -> new ScheduleFormats(Optional.empty())
        .parserFor(csv.getBytes(StandardCharsets.UTF_8), "https://example.org/export"))
        .isInstanceOf(ScheduleException.class)
        .hasMessage("https://example.org/export:1: not a schedule: expected Pentabarf or frab"
            + " XML, frab/pretalx JSON or iCalendar, found 'name,email,registration code of a"
            + " rather...'");
  }

  @Test
  void onlyTheHeadIsLookedAtAndTheChosenParserStillReadsFromTheFirstByte() throws Exception {
    byte[] ics = Files.readAllBytes(
        SharedSchedules.path("pycon-uk-2015_site-generated_schedule.ics"));
    byte[] junkAfterTheHead = Arrays.copyOf(ics, ScheduleFormats.HEAD_BYTES + 10);
    Arrays.fill(junkAfterTheHead, ScheduleFormats.HEAD_BYTES, junkAfterTheHead.length,
        (byte) '{');
    assertThat(new ScheduleFormats(Optional.empty()).parserFor(junkAfterTheHead, "s.ics"))
        .isInstanceOf(IcalParser.class);
    assertThat(parse(Optional.of(ZoneId.of("Europe/London")), ics, "s.ics").talks())
        .hasSize(162);
  }

  @Test
  void anUnreadableStreamIsAScheduleErrorNamingTheSource() {
    InputStream broken = new InputStream() {
      @Override
      public int read() throws IOException {
        throw new IOException("connection reset");
      }
    };
    assertThatThrownBy(() -> new ScheduleFormats(Optional.empty()).parse(broken, "s.xml"))
        .isInstanceOf(ScheduleException.class)
        .hasMessage("s.xml: cannot read schedule: connection reset");
  }
}
