package io.usher.schedule.frab;

import io.usher.schedule.ScheduleException;
import io.usher.schedule.SourceLocation;
import javax.xml.stream.XMLInputFactory;
import javax.xml.stream.XMLStreamConstants;
import javax.xml.stream.XMLStreamException;
import javax.xml.stream.XMLStreamReader;

/** The StAX plumbing of {@link PentabarfParser}: a safe reader, walking children, errors. */
final class Stax {
  private Stax() {}

  static XMLInputFactory factory() {
    XMLInputFactory factory = XMLInputFactory.newFactory();
    // Schedules come from URLs we do not control: no DTDs, no external entities.
    factory.setProperty(XMLInputFactory.SUPPORT_DTD, false);
    factory.setProperty(XMLInputFactory.IS_SUPPORTING_EXTERNAL_ENTITIES, false);
    factory.setProperty(XMLInputFactory.IS_COALESCING, true);
    return factory;
  }

  /** Moves to the next child start element; false at the parent's end element. */
  static boolean nextChild(XMLStreamReader reader) throws XMLStreamException {
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
  static void skip(XMLStreamReader reader) throws XMLStreamException {
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

  /** A problem at the reader's current line of {@code source}. */
  static ScheduleException error(XMLStreamReader reader, String source, String message) {
    return new ScheduleException(
        new SourceLocation(source, reader.getLocation().getLineNumber()), message);
  }

  /** The parser's own words, without the location prefix it repeats. */
  static String reason(XMLStreamException e) {
    String message = String.valueOf(e.getMessage());
    int at = message.indexOf("Message: ");
    return at >= 0 ? message.substring(at + "Message: ".length()).strip() : message.strip();
  }

  static void closeQuietly(XMLStreamReader reader) {
    if (reader != null) {
      try {
        reader.close();
      } catch (XMLStreamException ignored) {
        // Closing a reader that failed to parse has nothing left to report.
      }
    }
  }
}
