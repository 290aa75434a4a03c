package io.usher.schedule.frab;

import io.usher.schedule.Conference;
import io.usher.schedule.Day;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleParser;
import io.usher.schedule.ScheduleValidator;
import io.usher.schedule.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.io.StringReader;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.Optional;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/**
 * Reads a Pentabarf schedule XML (FOSDEM's export, and pretalx's Pentabarf-compatible one) into a
 * {@link Conference}.
 *
 * <p>Format: {@code <schedule><conference/><day index date><room name><event id>...}; see
 * https://github.com/voc/schedule/tree/master/validator for the c3voc XSD (documentation, as
 * almost no real file validates). Times: an event's own {@code <date>} (ISO-8601 with offset)
 * wins; otherwise its day's date plus {@code <start>} in the file's {@code <time_zone_name>}, else
 * in the fallback zone the organiser configured, with starts before {@code <day_change>} on the
 * next calendar day; {@code <duration>} is {@code H:MM}, {@code HH:MM} or {@code HH:MM:SS}.
 * Cancelled events (by {@code state}, {@code status}, {@code type} or a title starting
 * "Cancelled") are left out, with a note. Only the direct children of {@code <event>} are read,
 * so the {@code <title>} of a {@code <link>} never overwrites the event's.
 */
public final class PentabarfParser implements ScheduleParser {
  private final Optional<ZoneId> fallbackZone;

  /** @param fallbackZone the zone for files without {@code time_zone_name}; empty for none */
  public PentabarfParser(Optional<ZoneId> fallbackZone) {
    this.fallbackZone = fallbackZone;
  }

  /**
   * Parses and validates a Pentabarf XML stream; {@code source} names it in errors.
   *
   * @param in the document's bytes: UTF-8, UTF-16 (with or without a byte order mark) or the
   *     encoding its XML declaration names ({@link XmlEncoding})
   * @throws ScheduleException naming the source, the line and the reason, for unreadable or
   *     malformed XML, bytes that are not the document's encoding, no events, missing or malformed fields and invalid events
   */
  @Override
  public Conference parse(InputStream in, String source) throws ScheduleException {
    String text = XmlEncoding.decode(readAll(in, source), source);
    XMLStreamReader reader = null;
    try {
      // Text, not bytes: the encoding is already checked, with the line of a bad byte.
      reader = Stax.factory().createXMLStreamReader(new StringReader(text));
      RawSchedule document = new RawSchedule(source);
      readSchedule(reader, document);
      Conference conference = new EventResolver(source, fallbackZone).resolve(document);
      return new ScheduleValidator().validate(conference, "<event> in a <room> of a <day>");
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw new ScheduleException(new SourceLocation(source, line),
          "malformed XML: " + Stax.reason(e));
    } finally {
      Stax.closeQuietly(reader);
    }
  }

  private static byte[] readAll(InputStream in, String source) throws ScheduleException {
    try {
      return in.readAllBytes();
    } catch (IOException e) {
      throw new ScheduleException(new SourceLocation(source, 0),
          "cannot read schedule: " + e.getMessage());
    }
  }

  private static void readSchedule(XMLStreamReader reader, RawSchedule document)
      throws XMLStreamException, ScheduleException {
    reader.nextTag();
    if (!"schedule".equals(reader.getLocalName())) {
      throw Stax.error(reader, document.source, "expected <schedule> as the root element,"
          + " found <" + reader.getLocalName() + ">");
    }
    while (Stax.nextChild(reader)) {
      switch (reader.getLocalName()) {
        case "conference" -> readConference(reader, document);
        case "day" -> readDay(reader, document);
        default -> Stax.skip(reader);
      }
    }
  }

  private static void readConference(XMLStreamReader reader, RawSchedule document)
      throws XMLStreamException {
    while (Stax.nextChild(reader)) {
      String name = reader.getLocalName();
      if (isTextElement(name)) {
        document.conference.put(name, reader.getElementText().strip());
      } else {
        Stax.skip(reader);
      }
    }
  }

  private static boolean isTextElement(String name) {
    return switch (name) {
      case "title", "acronym", "start", "end", "day_change", "time_zone_name" -> true;
      default -> false;
    };
  }

  private static void readDay(XMLStreamReader reader, RawSchedule document)
      throws XMLStreamException, ScheduleException {
    String dateText = reader.getAttributeValue(null, "date");
    String indexText = reader.getAttributeValue(null, "index");
    LocalDate date;
    int index;
    try {
      date = LocalDate.parse(dateText == null ? "" : dateText.strip());
      index = indexText == null ? document.days.size() + 1 : Integer.parseInt(indexText.strip());
    } catch (DateTimeParseException | NumberFormatException e) {
      throw Stax.error(reader, document.source, "<day> needs date=\"YYYY-MM-DD\" and a numeric"
          + " index, got date=\"" + dateText + "\" index=\"" + indexText + "\"");
    }
    document.days.add(new Day(index, date));
    while (Stax.nextChild(reader)) {
      if ("room".equals(reader.getLocalName())) {
        String room = reader.getAttributeValue(null, "name");
        if (room != null) {
          document.rooms.add(room.strip());
        }
        readRoom(reader, document, date, room);
      } else {
        Stax.skip(reader);
      }
    }
  }

  private static void readRoom(XMLStreamReader reader, RawSchedule document, LocalDate date,
      String roomName) throws XMLStreamException, ScheduleException {
    while (Stax.nextChild(reader)) {
      if ("event".equals(reader.getLocalName())) {
        document.events.add(readEvent(reader, document, date, roomName));
      } else {
        Stax.skip(reader);
      }
    }
  }

  private static RawEvent readEvent(XMLStreamReader reader, RawSchedule document, LocalDate date,
      String roomName) throws XMLStreamException, ScheduleException {
    String id = reader.getAttributeValue(null, "id");
    if (id == null || id.isBlank()) {
      throw Stax.error(reader, document.source, "<event> without an id attribute");
    }
    RawEvent event = new RawEvent(id.strip(), reader.getLocation().getLineNumber(), date,
        roomName == null ? "" : roomName.strip());
    while (Stax.nextChild(reader)) {
      String name = reader.getLocalName();
      if ("persons".equals(name)) {
        readPersons(reader, event);
      } else if (isEventField(name)) {
        event.fields.put(name, reader.getElementText());
      } else {
        Stax.skip(reader);
      }
    }
    return event;
  }

  private static boolean isEventField(String name) {
    return switch (name) {
      case "date", "start", "duration", "room", "slug", "title", "subtitle", "track", "type",
          "abstract", "state", "status" -> true;
      default -> false;
    };
  }

  private static void readPersons(XMLStreamReader reader, RawEvent event)
      throws XMLStreamException {
    while (Stax.nextChild(reader)) {
      if ("person".equals(reader.getLocalName())) {
        String personId = reader.getAttributeValue(null, "id");
        event.persons.add(new String[] {personId, reader.getElementText()});
      } else {
        Stax.skip(reader);
      }
    }
  }
}
