package io.usher.apply;

import io.usher.plan.RoomKey;
import io.usher.plan.people.Contact;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * What {@code usher verify} found: one entry per person and room they should be in.
 *
 * @param track the track the report is limited to, if any
 * @param notes what limited the report, each said once (a failed identity server lookup)
 */
public record VerifyReport(String conferenceId, Optional<String> track, List<Entry> entries,
    List<String> notes) {

  public VerifyReport {
    entries = List.copyOf(entries);
    notes = List.copyOf(notes);
  }

  /**
   * @param roomId empty when the room does not exist yet
   * @param roles why the person belongs in the room
   * @param boundTo for a person known by e-mail only: the Matrix id the identity server says
   *     they bound the address to, whose membership {@code status} is
   */
  public record Entry(RoomKey room, String roomId, String roomName, Contact person,
      Set<String> roles, PersonStatus status, Optional<String> boundTo) {

    /** The person as the report names them: {@code Gil (gil@example.org) bound to @gil:hs}. */
    String who() {
      return person + boundTo.map(id -> " bound to " + id).orElse("");
    }
  }

  /** The report as text: by room (who is missing), by person, then totals. */
  public String render() {
    List<String> out = new ArrayList<>();
    Map<RoomKey, List<Entry>> byRoom = new LinkedHashMap<>();
    entries.forEach(e -> byRoom.computeIfAbsent(e.room(), k -> new ArrayList<>()).add(e));
    out.add("Verify " + conferenceId + track.map(t -> " (track " + t + ")").orElse("") + ": "
        + entries.stream().map(Entry::person).distinct().count() + " people in "
        + byRoom.size() + " rooms");
    notes.forEach(note -> out.add("  note: " + note));
    byRoom.forEach((room, list) -> {
      Entry first = list.get(0);
      out.add("  " + room + "  \"" + first.roomName() + "\"  "
          + (first.roomId().isEmpty() ? "(not created yet)" : first.roomId()));
      list.forEach(e -> out.add(String.format("    %-15s %s  %s", e.status().label(), e.who(),
          String.join(", ", e.roles()))));
      List<String> missing = list.stream().filter(e -> e.status() != PersonStatus.JOINED)
          .map(e -> e.person().label() + " (" + e.status().label() + ")").toList();
      out.add("    missing: " + (missing.isEmpty() ? "nobody" : String.join(", ", missing)));
    });
    out.add("By person:");
    Map<Contact, List<Entry>> byPerson = new LinkedHashMap<>();
    entries.forEach(e -> byPerson.computeIfAbsent(e.person(), k -> new ArrayList<>()).add(e));
    byPerson.forEach((person, list) -> out.add("  " + list.get(0).who() + ": " + counts(list)));
    out.add("Totals: " + counts(entries));
    return String.join("\n", out) + "\n";
  }

  private static String counts(List<Entry> list) {
    Map<PersonStatus, Long> counts = new EnumMap<>(PersonStatus.class);
    list.forEach(e -> counts.merge(e.status(), 1L, Long::sum));
    return counts.entrySet().stream().map(e -> e.getKey().label() + " " + e.getValue())
        .collect(Collectors.joining(", "));
  }

  /** How many entries have this status. */
  public long count(PersonStatus status) {
    return entries.stream().filter(e -> e.status() == status).count();
  }
}
