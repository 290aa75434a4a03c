package io.usher.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Puts track spaces into subspaces when the conference space would have too many children: one
 * subspace per event type ("Devroom", "Maintrack"), split alphabetically ("Devroom (A–L)") where
 * a type has too many tracks; by name alone if even that gives too many subspaces.
 */
final class SpaceGrouping {
  private final String conferenceId;
  private final List<PlannedTrack> tracks;

  /** One subspace: its key, name and the track spaces it lists. */
  record Subspace(RoomKey key, String name, List<SpaceChild> children) {}

  SpaceGrouping(String conferenceId, List<PlannedTrack> tracks) {
    this.conferenceId = conferenceId;
    this.tracks = tracks;
  }

  /** The subspaces of the conference space; {@code trackSpaces} in the order of the tracks. */
  List<Subspace> subspaces(List<SpaceChild> trackSpaces, int maxChildren) {
    Map<String, List<Integer>> byType = new LinkedHashMap<>();
    for (int i = 0; i < tracks.size(); i++) {
      byType.computeIfAbsent(label(tracks.get(i).type()), k -> new ArrayList<>()).add(i);
    }
    List<Group> groups = new ArrayList<>();
    byType.forEach((label, indexes) -> groups.addAll(split(label, indexes, maxChildren)));
    if (groups.size() > maxChildren) {
      List<Integer> all = new ArrayList<>();
      for (int i = 0; i < tracks.size(); i++) {
        all.add(i);
      }
      groups.clear();
      groups.addAll(split("Tracks", all, maxChildren));
    }
    return groups.stream().map(group -> new Subspace(
        new RoomKey(RoomKind.SUBSPACE, conferenceId, group.id()), group.name(),
        group.indexes().stream().map(trackSpaces::get).toList())).toList();
  }

  private List<Group> split(String label, List<Integer> indexes, int maxChildren) {
    List<List<Integer>> parts = DesiredState.chunk(indexes, maxChildren);
    List<Group> groups = new ArrayList<>();
    for (int i = 0; i < parts.size(); i++) {
      List<Integer> part = parts.get(i);
      String name = parts.size() == 1 ? label : label + " (" + initial(part.get(0)) + "–"
          + initial(part.get(part.size() - 1)) + ")";
      groups.add(new Group(Slugs.slug(label) + "-" + (i + 1), name, part));
    }
    return groups;
  }

  private String initial(int index) {
    String name = tracks.get(index).name().strip();
    return name.isEmpty() ? "?" : name.substring(0, 1).toUpperCase(Locale.ROOT);
  }

  private static String label(String type) {
    String t = type.strip();
    return t.isEmpty() ? "Other" : t.substring(0, 1).toUpperCase(Locale.ROOT) + t.substring(1);
  }

  private record Group(String id, String name, List<Integer> indexes) {}
}
