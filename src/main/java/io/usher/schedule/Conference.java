package io.usher.schedule;

import java.time.ZoneId;
import java.util.LinkedHashSet;
import java.util.List;
import java.util.Objects;
import java.util.Set;

/**
 * A conference as read from one schedule: its days and its talks in schedule order.
 *
 * @param title the conference title (Pentabarf/frab {@code <conference><title>}, iCalendar
 *     {@code X-WR-CALNAME})
 * @param acronym the schedule's acronym, may be empty
 * @param timeZone the zone the schedule's local times are in (file's {@code time_zone_name}, else
 *     the organiser's configured zone)
 * @param source the file name or URL it was read from
 * @param notes what the parser left out and why (cancelled events), for the organiser
 */
public record Conference(
    String title, String acronym, ZoneId timeZone, List<Day> days, List<Talk> talks, String source,
    List<ScheduleProblem> notes) {

  /**
   * Title and acronym are stripped, a null one becomes empty; the lists are copied.
   *
   * @throws NullPointerException without a time zone
   */
  public Conference {
    title = Objects.requireNonNullElse(title, "").strip();
    acronym = Objects.requireNonNullElse(acronym, "").strip();
    Objects.requireNonNull(timeZone, "timeZone");
    days = List.copyOf(days);
    talks = List.copyOf(talks);
    notes = List.copyOf(notes);
  }

  /** Names of the schedule rooms that hold at least one talk, in order of first appearance. */
  public Set<String> roomsWithTalks() {
    Set<String> rooms = new LinkedHashSet<>();
    talks.forEach(talk -> rooms.add(talk.room()));
    return rooms;
  }

  /** Names of the non-empty tracks, in order of first appearance. */
  public Set<String> trackNames() {
    Set<String> tracks = new LinkedHashSet<>();
    talks.stream().map(Talk::track).filter(t -> !t.isEmpty()).forEach(tracks::add);
    return tracks;
  }

  /** Every distinct person (by id) who appears in a talk, in order of first appearance. */
  public List<Person> persons() {
    Set<PersonId> seen = new LinkedHashSet<>();
    return talks.stream()
        .flatMap(talk -> talk.persons().stream())
        .filter(person -> seen.add(person.id()))
        .toList();
  }
}
