package io.usher.schedule;

import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.function.Function;
import java.util.stream.Collectors;

/**
 * What changed between two versions of a schedule, by event id (ids are a talk's identity:
 * a new slug or title is a change, not a new talk): added talks, changed fields, and talks no
 * longer in the schedule (cancelled). Times are shown in the conference's zone.
 */
public final class ScheduleDiff {
  private static final DateTimeFormatter WHEN =
      DateTimeFormatter.ofPattern("EEE d MMM HH:mm", Locale.ENGLISH);

  private ScheduleDiff() {}

  /** The talks of {@code before} that {@code after} no longer has (cancelled), by id. */
  public static List<Talk> removed(Conference before, Conference after) {
    Map<TalkId, Talk> now = byId(after);
    return before.talks().stream().filter(talk -> !now.containsKey(talk.id())).toList();
  }

  /** The differences as lines an organiser reads; empty when the talks are the same. */
  public static List<String> lines(Conference before, Conference after) {
    Map<TalkId, Talk> old = byId(before);
    Map<TalkId, Talk> now = byId(after);
    DateTimeFormatter when = WHEN.withZone(after.timeZone());
    List<String> added = new ArrayList<>();
    List<String> changed = new ArrayList<>();
    List<String> cancelled = new ArrayList<>();
    now.forEach((id, talk) -> {
      Talk was = old.get(id);
      if (was == null) {
        added.add("  + " + id.value() + " \"" + talk.title() + "\" " + when.format(talk.start())
            + ", " + talk.room());
      } else {
        List<String> fields = changes(was, talk, when);
        if (!fields.isEmpty()) {
          changed.add("  ~ " + id.value() + " \"" + talk.title() + "\": "
              + String.join("; ", fields));
        }
      }
    });
    old.forEach((id, talk) -> {
      if (!now.containsKey(id)) {
        cancelled.add("  - " + id.value() + " \"" + talk.title() + "\" (was "
            + when.format(talk.start()) + ", " + talk.room() + ")");
      }
    });
    List<String> lines = new ArrayList<>();
    section(lines, "added", added);
    section(lines, "changed", changed);
    section(lines, "cancelled", cancelled);
    return lines;
  }

  private static List<String> changes(Talk was, Talk now, DateTimeFormatter when) {
    List<String> fields = new ArrayList<>();
    field(fields, "title", was.title(), now.title());
    field(fields, "start", when.format(was.start()), when.format(now.start()));
    field(fields, "duration", was.duration().toMinutes() + " min",
        now.duration().toMinutes() + " min");
    field(fields, "room", was.room(), now.room());
    field(fields, "track", was.track(), now.track());
    field(fields, "persons", names(was), names(now));
    field(fields, "slug", was.slug(), now.slug());
    return fields;
  }

  private static void field(List<String> fields, String name, String was, String now) {
    if (!Objects.equals(was, now)) {
      fields.add(name + " \"" + was + "\" → \"" + now + "\"");
    }
  }

  private static String names(Talk talk) {
    return talk.persons().stream().map(Person::name).collect(Collectors.joining(", "));
  }

  private static void section(List<String> lines, String name, List<String> entries) {
    if (!entries.isEmpty()) {
      lines.add(name + ": " + entries.size());
      lines.addAll(entries);
    }
  }

  private static Map<TalkId, Talk> byId(Conference conference) {
    return conference.talks().stream().collect(Collectors.toMap(Talk::id, Function.identity(),
        (a, b) -> a, LinkedHashMap::new));
  }
}
