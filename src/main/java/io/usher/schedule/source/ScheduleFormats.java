package io.usher.schedule.source;

import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.SourceLocation;
import io.usher.schedule.frab.FrabJsonParser;
import io.usher.schedule.frab.PentabarfParser;
import io.usher.schedule.ical.IcalParser;
import java.io.ByteArrayInputStream;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the parser from the content, not the file name (a URL often has none): XML is
 * Pentabarf or frab XML, a JSON object is frab/pretalx {@code schedule.json}, and
 * {@code BEGIN:VCALENDAR} is iCalendar.
 */
public final class ScheduleFormats {
  private final Optional<ZoneId> fallbackZone;

  /** @param fallbackZone the organiser's zone for schedules that name none */
  public ScheduleFormats(Optional<ZoneId> fallbackZone) {
    this.fallbackZone = fallbackZone;
  }

  /**
   * Parses and validates a schedule in any supported format.
   *
   * @throws ScheduleException naming {@code source}, when the format is unknown or the parser
   *     rejects it
   */
  public Conference parse(byte[] content, String source) throws ScheduleException {
    String head = new String(content, 0, Math.min(content.length, 512), StandardCharsets.UTF_8)
        .replace("\uFEFF", "").stripLeading();
    ByteArrayInputStream in = new ByteArrayInputStream(content);
    if (head.startsWith("<")) {
      return new PentabarfParser(fallbackZone).parse(in, source);
    }
    if (head.startsWith("{")) {
      return new FrabJsonParser(fallbackZone).parse(in, source);
    }
    if (head.toUpperCase(Locale.ROOT).startsWith("BEGIN:VCALENDAR")) {
      return new IcalParser(fallbackZone).parse(in, source);
    }
    throw new ScheduleException(new SourceLocation(source, 1), "not a schedule: expected"
        + " Pentabarf or frab XML, frab/pretalx JSON or iCalendar, found '"
        + head.lines().findFirst().orElse("").replaceAll("(.{40}).+", "$1...") + "'");
  }
}
