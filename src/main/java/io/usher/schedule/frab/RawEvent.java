package io.usher.schedule.frab;

import java.time.LocalDate;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/** An {@code <event>} as written, before times are resolved: its direct children's text. */
final class RawEvent {
  final String id;
  final int line;
  final LocalDate dayDate;
  final String dayRoom;
  final Map<String, String> fields = new HashMap<>();
  final List<String[]> persons = new ArrayList<>();

  RawEvent(String id, int line, LocalDate dayDate, String dayRoom) {
    this.id = id;
    this.line = line;
    this.dayDate = dayDate;
    this.dayRoom = dayRoom;
  }

  String field(String name) {
    return fields.getOrDefault(name, "").strip();
  }
}
