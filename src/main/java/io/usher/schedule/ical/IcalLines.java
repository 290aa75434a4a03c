package io.usher.schedule.ical;

import io.usher.schedule.SourceLocation;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Where each {@code VEVENT} and its properties are in an iCalendar text: iCal4j keeps no
 * lines, and an error must name one. Lines are the file's own (1-based), so a property folded
 * over several lines is at its first.
 */
final class IcalLines {
  private final String source;
  private final List<Event> events;

  private IcalLines(String source, List<Event> events) {
    this.source = source;
    this.events = events;
  }

  /** The lines of {@code text}'s VEVENTs, in file order (iCal4j's order of components). */
  static IcalLines of(String text, String source) {
    List<Event> events = new ArrayList<>();
    Map<String, Integer> properties = null;
    int depth = 0;
    String[] lines = text.split("\n", -1);
    for (int i = 0; i < lines.length; i++) {
      String line = lines[i].strip().toUpperCase(Locale.ROOT);
      if (lines[i].startsWith(" ") || lines[i].startsWith("\t") || line.isEmpty()) {
        continue;
      }
      if (line.equals("BEGIN:VEVENT") && depth == 0) {
        properties = new HashMap<>();
        events.add(new Event(source, i + 1, properties));
        depth = 1;
      } else if (depth > 0 && line.startsWith("BEGIN:")) {
        depth++;
      } else if (depth > 0 && line.startsWith("END:")) {
        depth--;
      } else if (depth == 1) {
        // Properties of a VALARM inside the event (depth 2) are not the event's.
        properties.putIfAbsent(line.split("[;:]", 2)[0], i + 1);
      }
    }
    return new IcalLines(source, events);
  }

  /** The {@code index}th VEVENT (0-based); at line 0 if the scan found fewer. */
  Event event(int index) {
    return index < events.size() ? events.get(index) : new Event(source, 0, Map.of());
  }

  /**
   * One VEVENT's lines.
   *
   * @param begin the line of its {@code BEGIN:VEVENT}
   * @param properties the line of each property's first occurrence, by upper-case name
   */
  record Event(String source, int begin, Map<String, Integer> properties) {
    /** Where the event starts. */
    SourceLocation where() {
      return new SourceLocation(source, begin);
    }

    /** Where its property {@code name} is; where the event starts when it has none. */
    SourceLocation at(String name) {
      return new SourceLocation(source, properties.getOrDefault(name, begin));
    }
  }
}
