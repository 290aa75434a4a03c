package io.usher.schedule;

import java.util.List;
import java.util.Map;
import java.util.function.Consumer;

/**
 * Refuses a talk's text that no Matrix event could carry, so that {@code validate} finds it
 * before any write instead of the homeserver refusing it with {@code 413 M_TOO_LARGE} in the
 * middle of an apply.
 *
 * <p>The bound: an event, as the homeserver stores it, is at most 65,536 bytes of JSON
 * (client-server API, "Size limits"). Up to about 1 KiB of it is the envelope (room id,
 * sender, type, state key, timestamps, previous and auth events, hashes, signatures), and a
 * message carries its text twice, as {@code body} and {@code formatted_body}: a field over
 * (65,536 - 1,024) / 2 = {@value #MAX_FIELD_BYTES} bytes fits no message that names it.
 * Counted in UTF-8 bytes, as the limit is (JSON escaping only adds to that). Room names and
 * topics made of several fields may still be too long together: the planner shortens those.
 */
final class FieldSizes {
  /** The most UTF-8 bytes one field may have; see the class comment for the sum. */
  static final int MAX_FIELD_BYTES = (65_536 - 1_024) / 2;

  private FieldSizes() {}

  /** Reports each field of {@code talk} over {@value #MAX_FIELD_BYTES} bytes, a problem each. */
  static void check(Talk talk, Consumer<ScheduleProblem> problems) {
    // A huge id is not quoted: the message would be as large as the field.
    String event = utf8Length(talk.id().value()) > MAX_FIELD_BYTES ? "event"
        : "event " + talk.id();
    Map<String, String> fields = Map.of("id", talk.id().value(), "slug", talk.slug(),
        "title", talk.title(), "subtitle", talk.subtitle(), "track", talk.track(),
        "type", talk.type(), "room", talk.room(), "abstract", talk.abstractText());
    for (String name : List.of("id", "slug", "title", "subtitle", "track", "type", "room",
        "abstract")) {
      tooLong(talk, event + ": " + name, fields.get(name), problems);
    }
    for (Person person : talk.persons()) {
      String who = utf8Length(person.id().value()) > MAX_FIELD_BYTES ? "a person"
          : "person " + person.id();
      tooLong(talk, event + ": " + who + "'s id", person.id().value(), problems);
      tooLong(talk, event + ": " + who + "'s name", person.name(), problems);
    }
  }

  private static void tooLong(Talk talk, String field, String value,
      Consumer<ScheduleProblem> problems) {
    long bytes = utf8Length(value);
    if (bytes > MAX_FIELD_BYTES) {
      problems.accept(new ScheduleProblem(talk.location(), field + " is " + bytes
          + " bytes (UTF-8); at most " + MAX_FIELD_BYTES + " fit in a Matrix event (65536"
          + " bytes in all)"));
    }
  }

  /** The length of {@code text} in UTF-8, without encoding it (a title may be megabytes). */
  static long utf8Length(String text) {
    long bytes = 0;
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x80) {
        bytes += 1;
      } else if (c < 0x800) {
        bytes += 2;
      } else if (Character.isHighSurrogate(c) && i + 1 < text.length()
          && Character.isLowSurrogate(text.charAt(i + 1))) {
        bytes += 4;
        i++;
      } else {
        bytes += 3;
      }
    }
    return bytes;
  }
}
