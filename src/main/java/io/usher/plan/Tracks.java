package io.usher.plan;

import io.usher.schedule.Conference;
import io.usher.schedule.Talk;
import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.function.Function;
import java.util.stream.Collectors;

/** Groups a conference's talks into tracks with stable, unique ids. */
final class Tracks {
  private Tracks() {}

  /** The tracks of a conference, sorted by name (case-insensitive). */
  static List<PlannedTrack> of(Conference conference, TrackGrouping grouping) {
    Map<String, List<Talk>> byName = new LinkedHashMap<>();
    for (Talk talk : conference.talks()) {
      String name = grouping == TrackGrouping.ROOM || talk.track().isEmpty()
          ? talk.room() : talk.track();
      byName.computeIfAbsent(name, k -> new ArrayList<>()).add(talk);
    }
    List<String> names = new ArrayList<>(byName.keySet());
    names.sort(String.CASE_INSENSITIVE_ORDER.thenComparing(Comparator.naturalOrder()));
    Map<String, String> ids = uniqueIds(names);
    Comparator<Talk> byStart = Comparator.comparing(Talk::start)
        .thenComparing(t -> t.id().value());
    return names.stream().map(name -> {
      List<Talk> talks = byName.get(name).stream().sorted(byStart).toList();
      return new PlannedTrack(ids.get(name), name, mostCommon(talks, Talk::type),
          mostCommon(talks, Talk::room), talks);
    }).toList();
  }

  /**
   * Slugs of the names; where two names share a slug, the first in sort order keeps it and the
   * others get a hash suffix, so adding a track rarely renames an existing one.
   */
  private static Map<String, String> uniqueIds(List<String> sortedNames) {
    Map<String, String> ids = new HashMap<>();
    Map<String, String> owner = new HashMap<>();
    for (String name : sortedNames) {
      String slug = Slugs.slug(name);
      String id = owner.putIfAbsent(slug, name) == null ? slug : slug + "-" + Slugs.shortHash(name);
      ids.put(name, id);
    }
    return ids;
  }

  /** The most frequent value, ties going to the one seen first. */
  private static String mostCommon(List<Talk> talks, Function<Talk, String> field) {
    Map<String, Long> counts = talks.stream()
        .collect(Collectors.groupingBy(field, LinkedHashMap::new, Collectors.counting()));
    return counts.entrySet().stream()
        .max(Map.Entry.comparingByValue())
        .map(Map.Entry::getKey)
        .orElse("");
  }
}
