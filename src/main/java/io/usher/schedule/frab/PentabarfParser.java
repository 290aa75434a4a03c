package io.usher.schedule.frab;

import io.usher.schedule.Conference;
import io.usher.schedule.Day;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleParser;
import io.usher.schedule.ScheduleValidator;
import io.usher.schedule.SourceLocation;
import java.io.InputStream;
import java.time.LocalDate;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
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
 * next calendar day. Only the direct children of {@code <event>} are read, so the
 * {@code <title>} of a {@code <link>} never overwrites the event's.
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
   * @throws ScheduleException naming the source, the line and the reason, for unreadable or
   *     malformed XML, missing or malformed fields and invalid events
   */
  @Override
  public Conference parse(InputStream in, String source) throws ScheduleException {
    XMLStreamReader reader = null;
    try {
      reader = factory().createXMLStreamReader(in);
      Document document = new Document(source);
      readSchedule(reader, document);
      Conference conference = new EventResolver(source, fallbackZone).resolve(document);
      return new ScheduleValidator().validate(conference);
    } catch (XMLStreamException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNumber();
      throw new ScheduleException(new SourceLocation(source, line),
          "malformed XML: " + xmlReason(e));
    } finally {
      closeQuietly(reader);
    }
  }

  private static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // Schedules come from URLs we do not control: no DTDs, no external entities.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  private static void readSchedule(XMLStreamReader reader, Document document)
      throws XMLStreamException, ScheduleException {
    reader.nextTag();
    if (!"schedule".equals(reader.getLocalName())) {
      throw document.error(reader, "expected <schedule> as the root element, found <"
          + reader.getLocalName() + ">");
    }
    while (nextChild(reader)) {
      switch (reader.getLocalName()) {
        case "conference" -> readConference(reader, document);
        case "day" -> readDay(reader, document);
        default -> skip(reader);
      }
    }
  }

  private static void readConference(XMLStreamReader reader, Document document)
      throws XMLStreamException {
    while (nextChild(reader)) {
      String name = reader.getLocalName();
      if (isTextElement(name)) {
        document.conference.put(name, reader.getElementText().strip());
      } else {
        skip(reader);
      }
    }
  }

  private static boolean isTextElement(String name) {
    return switch (name) {
      case "title", "acronym", "start", "end", "day_change", "time_zone_name" -> true;
      default -> false;
    };
  }

  private static void readDay(XMLStreamReader reader, Document document)
      throws XMLStreamException, ScheduleException {
    String dateText = reader.getAttributeValue(null, "date");
    String indexText = reader.getAttributeValue(null, "index");
    LocalDate date;
    int index;
    try {
      date = LocalDate.parse(dateText == null ? "" : dateText.strip());
      index = indexText == null ? document.days.size() + 1 : Integer.parseInt(indexText.strip());
    } catch (DateTimeParseException | NumberFormatException e) {
      throw document.error(reader, "<day> needs date=\"YYYY-MM-DD\" and a numeric index, got date=\""
          + dateText + "\" index=\"" + indexText + "\"");
    }
    document.days.add(new Day(index, date));
    while (nextChild(reader)) {
      if ("room".equals(reader.getLocalName())) {
        String room = reader.getAttributeValue(null, "name");
        if (room != null) {
          document.rooms.add(room.strip());
        }
        readRoom(reader, document, date, room);
      } else {
        skip(reader);
      }
    }
  }

  private static void readRoom(XMLStreamReader reader, Document document, LocalDate date,
      String roomName) throws XMLStreamException, ScheduleException {
    while (nextChild(reader)) {
      if ("event".equals(reader.getLocalName())) {
        document.events.add(readEvent(reader, document, date, roomName));
      } else {
        skip(reader);
      }
    }
  }

  private static RawEvent readEvent(XMLStreamReader reader, Document document, LocalDate date,
      String roomName) throws XMLStreamException, ScheduleException {
    String id = reader.getAttributeValue(null, "id");
    if (id == null || id.isBlank()) {
      throw document.error(reader, "<event> without an id attribute");
    }
    RawEvent event = new RawEvent(id.strip(), reader.getLocation().getLineNumber(), date,
        roomName == null ? "" : roomName.strip());
    while (nextChild(reader)) {
      String name = reader.getLocalName();
      if ("persons".equals(name)) {
        readPersons(reader, event);
      } else if (isEventField(name)) {
        event.fields.put(name, reader.getElementText());
      } else {
        skip(reader);
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
    while (nextChild(reader)) {
      if ("person".equals(reader.getLocalName())) {
        String personId = reader.getAttributeValue(null, "id");
        event.persons.add(new String[] {personId, reader.getElementText()});
      } else {
        skip(reader);
      }
    }
  }

  /** Moves to the next child start element; false at the parent's end element. */
  private static boolean nextChild(XMLStreamReader reader) throws XMLStreamException {
    while (reader.hasNext()) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        return true;
      }
      if (event == XMLStreamConstants.END_ELEMENT) {
        return false;
      }
    }
    throw new XMLStreamException("unexpected end of document", reader.getLocation());
  }

  /** Skips the current element with everything inside it. */
  private static void skip(XMLStreamReader reader) throws XMLStreamException {
    int depth = 1;
    while (depth > 0) {
      int event = reader.next();
      if (event == XMLStreamConstants.START_ELEMENT) {
        depth++;
      } else if (event == XMLStreamConstants.END_ELEMENT) {
        depth--;
      }
    }
  }

  private static String xmlReason(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf("Message: ");
    return at >= 0 ? message.substring(at + "Message: ".length()).strip() : message.strip();
  }

  private static void closeQuietly(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // Closing a reader that failed to parse has nothing left to report.
      }
    }
  }

  /** What the XML says, before events are resolved against the time zone. */
  static final class Document {
    final String source;
    final Map<String, String> conference = new HashMap<>();
    final List<Day> days = new ArrayList<>();
    final List<RawEvent> events = new ArrayList<>();
    /** The schedule's room names ({@code <room name>}): an event's {@code <room>} is one. */
    final Set<String> rooms = new HashSet<>();

    Document(String source) {
      this.source = source;
    }

    ScheduleException error(XMLStreamReader reader, String message) {
      return new ScheduleException(
          new SourceLocation(source, reader.getLocation().getLineNumber()), message);
    }
  }
}
