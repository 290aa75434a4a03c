package io.usher.schedule.frab;

import io.usher.schedule.Day;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;

/**
 * What a Pentabarf XML or frab {@code schedule.json} says, before events are resolved against
 * the time zone: both formats fill one of these, so {@link EventResolver} serves both.
 */
final class RawSchedule {
  final String source;
  /** The {@code <conference>} fields read: title, acronym, time_zone_name, day_change... */
  final Map<String, String> conference = new HashMap<>();
  final List<Day> days = new ArrayList<>();
  final List<RawEvent> events = new ArrayList<>();
  /** The schedule's room names ({@code <room name>}): an event's {@code <room>} is one. */
  final Set<String> rooms = new HashSet<>();

  RawSchedule(String source) {
    this.source = source;
  }
}
