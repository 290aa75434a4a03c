package io.usher.schedule.source;

import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleParser;
import io.usher.schedule.SourceLocation;
import io.usher.schedule.frab.FrabJsonParser;
import io.usher.schedule.frab.PentabarfParser;
import io.usher.schedule.frab.XmlEncoding;
import io.usher.schedule.ical.IcalParser;
import java.io.BufferedInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.time.ZoneId;
import java.util.Locale;
import java.util.Optional;

/**
 * Picks the parser from the content, not the file name (a URL often has none): XML is
 * Pentabarf or frab XML ({@link PentabarfParser}), a JSON object is frab/pretalx
 * {@code schedule.json} ({@link FrabJsonParser}), and {@code BEGIN:VCALENDAR} is iCalendar,
 * RFC 5545 ({@link IcalParser}). A byte order mark and leading whitespace are ignored, and the
 * first bytes are read as UTF-16 when they are ({@link XmlEncoding#sniff}).
 */
public final class ScheduleFormats implements ScheduleParser {
  /** How much of the start is looked at: the first non-blank character is all it takes. */
  static final int HEAD_BYTES = 512;

  private final ScheduleParser xml;
  private final ScheduleParser json;
  private final ScheduleParser ical;

  /** @param fallbackZone the organiser's zone for schedules that name none; empty for none */
  public ScheduleFormats(Optional<ZoneId> fallbackZone) {
    // Parsers keep no state between calls: one of each serves every schedule.
    this.xml = new PentabarfParser(fallbackZone);
    this.json = new FrabJsonParser(fallbackZone);
    this.ical = new IcalParser(fallbackZone);
  }

  /**
   * The parser for a schedule, from its first bytes.
   *
   * @param head the start of the content (the whole content will do; only the first
   *     {@value #HEAD_BYTES} bytes are read), UTF-8 or UTF-16
   * @param source the file name or URL, for the error
   * @return the Pentabarf/frab XML, frab/pretalx JSON or iCalendar parser
   * @throws ScheduleException at {@code source:1}, saying what was expected and quoting the
   *     first line found, when the content is none of these
   */
  public ScheduleParser parserFor(byte[] head, String source) throws ScheduleException {
    // UTF-16 too: XML may be written in it (with or without a byte order mark).
    String start = new String(head, 0, Math.min(head.length, HEAD_BYTES),
        XmlEncoding.sniff(head)).replace("\uFEFF", "").stripLeading();
    if (start.startsWith("<")) {
      return xml;
    }
    if (start.startsWith("{")) {
      return json;
    }
    if (start.toUpperCase(Locale.ROOT).startsWith("BEGIN:VCALENDAR")) {
      return ical;
    }
    throw new ScheduleException(new SourceLocation(source, 1), "not a schedule: expected"
        + " Pentabarf or frab XML, frab/pretalx JSON or iCalendar, found '"
        + start.lines().findFirst().orElse("").replaceAll("(.{40}).+", "$1...") + "'");
  }

  /**
   * Parses and validates a schedule in any supported format: {@link #parserFor} on its first
   * bytes, then that parser on the whole stream.
   *
   * @throws ScheduleException naming {@code source}, when it cannot be read, the format is
   *     unknown or the parser rejects it
   */
  @Override
  public Conference parse(InputStream in, String source) throws ScheduleException {
    BufferedInputStream buffered = new BufferedInputStream(in, HEAD_BYTES);
    byte[] head;
    try {
      // Look ahead and rewind, so that the chosen parser reads the stream from its first byte.
      buffered.mark(HEAD_BYTES);
      head = buffered.readNBytes(HEAD_BYTES);
      buffered.reset();
    } catch (IOException e) {
      throw new ScheduleException(new SourceLocation(source, 0),
          "cannot read schedule: " + e.getMessage());
    }
    return parserFor(head, source).parse(buffered, source);
  }
}
