package io.usher.schedule.frab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.SharedSchedules;
import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.Talk;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class PentabarfParserTest {
  private static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  private static Conference parse(String xml) throws ScheduleException {
    return new PentabarfParser(Optional.of(BRUSSELS)).parse(
        new ByteArrayInputStream(xml.getBytes(StandardCharsets.UTF_8)), "test.xml");
  }

  private static Talk talk(Conference c, String id) {
    return c.talks().stream().filter(t -> t.id().value().equals(id)).findFirst().orElseThrow();
  }

  @Test
  void fosdem2021ParsesWithCountsAndTheConfiguredZone() throws Exception {
    Conference c = PentabarfFiles.parse(Optional.of(BRUSSELS),
        SharedSchedules.path(SharedSchedules.FOSDEM_2021));
    assertThat(c.title()).isEqualTo("FOSDEM 2021");
    assertThat(c.timeZone()).isEqualTo(BRUSSELS);
    assertThat(c.days()).hasSize(2);
    assertThat(c.talks()).hasSize(773);
    assertThat(c.roomsWithTalks()).hasSize(106);
    assertThat(c.trackNames()).hasSize(109);
    assertThat(c.persons()).hasSize(684);
    Talk welcome = talk(c, "11795");
    assertThat(welcome.title()).isEqualTo("Welcome to FOSDEM 2021");
    assertThat(welcome.start()).isEqualTo(Instant.parse("2021-02-06T08:00:00Z"));
    assertThat(welcome.duration()).isEqualTo(Duration.ofMinutes(25));
    assertThat(welcome.track()).isEqualTo("FOSDEM");
    assertThat(welcome.type()).isEqualTo("maintrack");
    assertThat(welcome.slug()).isEqualTo("keynotes_welcome");
    assertThat(welcome.abstractText()).contains("<p>FOSDEM welcome");
  }

  @Test
  void fosdem2025UsesTheFileZoneAndEventDates() throws Exception {
    Conference c = PentabarfFiles.parse(Optional.empty(),
        SharedSchedules.path(SharedSchedules.FOSDEM_2025));
    assertThat(c.timeZone()).isEqualTo(BRUSSELS);
    assertThat(c.talks()).hasSize(943);
    assertThat(c.roomsWithTalks()).hasSize(29);
    assertThat(c.trackNames()).hasSize(69);
    assertThat(c.persons()).hasSize(992);
    Talk llvm = talk(c, "6210");
    assertThat(llvm.start()).isEqualTo(Instant.parse("2025-02-01T09:35:00Z"));
    assertThat(llvm.title()).isEqualTo("A New Approach to Callee-Saved Registers in LLVM");
    assertThat(llvm.persons()).extracting(p -> p.name()).containsExactly("Mikhail Gudim");
  }

  @Test
  void eventAfterMidnightUnderThePreviousDayIsOnTheNextDate() throws Exception {
    Conference c = PentabarfFiles.parse(Optional.empty(), SharedSchedules.example());
    assertThat(talk(c, "301").start()).isEqualTo(Instant.parse("2026-03-14T22:30:00Z"));
    assertThat(talk(c, "302").start()).isEqualTo(Instant.parse("2026-03-14T23:30:00Z"));
    assertThat(talk(c, "301").end()).isEqualTo(Instant.parse("2026-03-14T23:30:00Z"));
  }

  @Test
  void eventDateWinsOverDayDateAndStart() throws Exception {
    Conference c = parse("""
        <schedule><conference><title>T</title></conference>
        <day index="1" date="2025-02-01"><room name="R">
          <event id="1"><date>2025-02-02T00:15:00+01:00</date><start>00:15</start>
            <duration>0:30</duration><room>R</room><title>Late</title></event>
        </room></day></schedule>""");
    assertThat(c.talks().get(0).start()).isEqualTo(Instant.parse("2025-02-01T23:15:00Z"));
    assertThat(c.talks().get(0).duration()).isEqualTo(Duration.ofMinutes(30));
  }

  @Test
  void onlyDirectChildrenOfEventAreRead() throws Exception {
    Conference c = parse("""
        <schedule><conference><title>T</title></conference>
        <day index="1" date="2025-02-01"><room name="R">
          <event id="1"><start>10:00</start><duration>00:30</duration><room>R</room>
            <title>Real title</title>
            <links><link href="x"><title>Link title</title><type>video</type></link></links>
            <type>devroom</type></event>
        </room></day></schedule>""");
    assertThat(c.talks().get(0).title()).isEqualTo("Real title");
    assertThat(c.talks().get(0).type()).isEqualTo("devroom");
  }

  @Test
  void truncatedXmlIsRejectedWithFileLineAndReason() {
    assertThatThrownBy(() -> parse("<schedule>\n<conference>\n<title>T</title>\n<day index"))
        .isInstanceOf(ScheduleException.class)
        .hasMessageStartingWith("test.xml:4: malformed XML");
  }

  @Test
  void missingStartIsRejectedWithFileLineAndReason() {
    assertThatThrownBy(() -> parse("""
        <schedule><conference><title>T</title></conference>
        <day index="1" date="2025-02-01"><room name="R">
          <event id="42"><duration>00:30</duration><room>R</room><title>X</title></event>
        </room></day></schedule>"""))
        .isInstanceOf(ScheduleException.class)
        .hasMessage("test.xml:3: event 42: missing <start> (expected HH:MM)");
  }

  @Test
  void everyBadEventIsReportedAtOnce() {
    assertThatThrownBy(() -> parse("""
        <schedule><conference><title>T</title></conference>
        <day index="1" date="2025-02-01"><room name="R">
          <event id="1"><start>25:00</start><duration>00:30</duration><title>A</title></event>
          <event id="1"><start>10:00</start><duration>half an hour</duration><title>B</title></event>
          <event id="3"><start>10:00</start><duration>00:00</duration><title>C</title></event>
        </room></day></schedule>"""))
        .isInstanceOf(ScheduleException.class)
        .satisfies(e -> assertThat(((ScheduleException) e).problems()).hasSize(2))
        .hasMessageContaining("test.xml:3: event 1: <start> '25:00' is not HH:MM")
        .hasMessageContaining("test.xml:4: event 1: <duration> 'half an hour' is not HH:MM");
  }

  @Test
  void duplicateIdsAndEmptyDurationsAreInvalid() {
    assertThatThrownBy(() -> parse("""
        <schedule><conference><title>T</title></conference>
        <day index="1" date="2025-02-01"><room name="R">
          <event id="1"><start>10:00</start><duration>00:30</duration><title>A</title></event>
          <event id="1"><start>11:00</start><duration>00:00</duration><title>B</title></event>
        </room></day></schedule>"""))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("test.xml:4: duplicate event id 1 (first defined at test.xml:3)")
        .hasMessageContaining("test.xml:4: event 1: duration must be positive");
  }

  @Test
  void noZoneAnywhereIsAnError() {
    assertThatThrownBy(() -> PentabarfFiles.parse(Optional.empty(),
        SharedSchedules.path(SharedSchedules.FOSDEM_2021)))
        .isInstanceOf(ScheduleException.class)
        .hasMessageContaining("no <time_zone_name>: set conference.time_zone");
  }

  @Test
  void externalEntitiesAreNotResolved() {
    assertThatThrownBy(() -> parse("""
        <?xml version="1.0"?>
        <!DOCTYPE schedule [<!ENTITY x SYSTEM "file:///etc/passwd">]>
        <schedule><conference><title>&x;</title></conference></schedule>"""))
        .isInstanceOf(ScheduleException.class);
  }
}
