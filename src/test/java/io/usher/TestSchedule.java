package io.usher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.List;

/** Writes small Pentabarf schedules for tests, with talks at chosen instants (UTC). */
public final class TestSchedule {
  private static final DateTimeFormatter DATE =
      DateTimeFormatter.ofPattern("yyyy-MM-dd'T'HH:mm:ssxxx").withZone(ZoneOffset.UTC);
  private static final DateTimeFormatter CLOCK =
      DateTimeFormatter.ofPattern("HH:mm").withZone(ZoneOffset.UTC);

  /** One talk: id, title, track, schedule room, start, length and speaker names. */
  public record TestTalk(String id, String title, String track, String room, Instant start,
      Duration duration, List<String> speakers) {}

  private final List<TestTalk> talks = new ArrayList<>();

  public TestSchedule add(TestTalk talk) {
    talks.add(talk);
    return this;
  }

  public List<TestTalk> talks() {
    return List.copyOf(talks);
  }

  /** A copy without the talk with this id. */
  public TestSchedule without(String id) {
    TestSchedule copy = new TestSchedule();
    talks.stream().filter(t -> !t.id().equals(id)).forEach(copy::add);
    return copy;
  }

  /** A copy with the talk with this id moved to {@code start}. */
  public TestSchedule moved(String id, Instant start) {
    TestSchedule copy = new TestSchedule();
    talks.forEach(t -> copy.add(t.id().equals(id) ? new TestTalk(t.id(), t.title(), t.track(),
        t.room(), start, t.duration(), t.speakers()) : t));
    return copy;
  }

  /** Writes it as Pentabarf XML (one day, UTC, per-event {@code <date>}). */
  public Path write(Path file) throws IOException {
    String day = DateTimeFormatter.ISO_LOCAL_DATE.withZone(ZoneOffset.UTC)
        .format(talks.get(0).start());
    StringBuilder xml = new StringBuilder("""
        <?xml version="1.0" encoding="UTF-8"?>
        <schedule>
          <conference><title>Lifecycle Test Conf</title><acronym>ltc</acronym>
            <start>%s</start><end>%s</end><days>1</days>
            <time_zone_name>UTC</time_zone_name></conference>
          <day index="1" date="%s">
        """.formatted(day, day, day));
    talks.stream().map(TestTalk::room).distinct().forEach(room -> {
      xml.append("    <room name=\"").append(escape(room)).append("\">\n");
      talks.stream().filter(t -> t.room().equals(room)).forEach(t -> event(xml, t));
      xml.append("    </room>\n");
    });
    xml.append("  </day>\n</schedule>\n");
    Files.writeString(file, xml);
    return file;
  }

  private static void event(StringBuilder xml, TestTalk t) {
    long minutes = t.duration().toMinutes();
    xml.append("      <event id=\"").append(t.id()).append("\">\n")
        .append("        <date>").append(DATE.format(t.start())).append("</date>\n")
        .append("        <start>").append(CLOCK.format(t.start())).append("</start>\n")
        .append("        <duration>").append(String.format("%02d:%02d", minutes / 60, minutes % 60))
        .append("</duration>\n")
        .append("        <room>").append(escape(t.room())).append("</room>\n")
        .append("        <title>").append(escape(t.title())).append("</title>\n")
        .append("        <track>").append(escape(t.track())).append("</track>\n")
        .append("        <type>devroom</type>\n        <persons>\n");
    for (int i = 0; i < t.speakers().size(); i++) {
      xml.append("          <person id=\"").append(t.id()).append(i).append("\">")
          .append(escape(t.speakers().get(i))).append("</person>\n");
    }
    xml.append("        </persons>\n      </event>\n");
  }

  private static String escape(String text) {
    return text.replace("&", "&amp;").replace("<", "&lt;").replace(">", "&gt;")
        .replace("\"", "&quot;");
  }
}
