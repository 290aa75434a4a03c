package io.usher.plan;

import java.util.ArrayList;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.TreeMap;

/**
 * The one format of room aliases (https://spec.matrix.org/latest/appendices/#room-aliases):
 * {@code #<localpart>:<server>}, the localpart derived from the room's own identity only
 * (conference id, kind, track or talk id, the talk's slug), so adding, removing or renaming
 * another room never changes it.
 *
 * <p>Two rooms of a conference can derive the same localpart (two talks titled "Intro"). The
 * room first in a fixed order (by kind, then by id, numeric ids by value) keeps it; each other
 * gets a suffix hashed from its own kind and id. Whatever order the schedule lists them in, and
 * whatever else it holds, each room gets the same alias on every run.
 */
public final class Aliases {
  private static final Comparator<String> IDS = Comparator
      .comparing((String id) -> id.matches("\\d{1,18}") ? 0 : 1)
      .thenComparing(id -> id.matches("\\d{1,18}") ? Long.parseLong(id) : 0L)
      .thenComparing(Comparator.naturalOrder());
  private static final Comparator<RoomKey> PRIORITY =
      Comparator.comparing(RoomKey::kind).thenComparing(RoomKey::id, IDS);

  private Aliases() {}

  /** The full alias of a localpart on a server: {@code #localpart:server}. */
  public static String full(String localpart, String serverName) {
    return "#" + localpart + ":" + serverName;
  }

  /** The localpart of the conference space's alias: the conference id itself. */
  public static String conferenceSpace(String conferenceId) {
    return conferenceId;
  }

  /**
   * The localpart a room derives before collisions are resolved.
   *
   * @param talkSlug the talk's slug, for talk rooms; ignored for other kinds
   */
  static String base(RoomKey key, String talkSlug) {
    String prefix = key.conferenceId() + "-";
    return switch (key.kind()) {
      case CONFERENCE_SPACE -> conferenceSpace(key.conferenceId());
      case SUBSPACE -> prefix + "group-" + key.id();
      case TRACK_SPACE -> prefix + "space-" + key.id();
      case TRACK -> prefix + key.id();
      case BACKSTAGE -> prefix + key.id() + "-backstage";
      case TALK -> prefix + "talk-" + talkSlug;
      case STAFF_SPACE -> prefix + "staff";
    };
  }

  /** Each room's localpart: its base, or its base with its own suffix where bases collide. */
  static Map<RoomKey, String> resolve(Map<RoomKey, String> bases) {
    Map<String, List<RoomKey>> byBase = new TreeMap<>();
    bases.forEach((key, base) -> byBase.computeIfAbsent(base, b -> new ArrayList<>()).add(key));
    Set<String> taken = new HashSet<>(bases.values());
    Map<RoomKey, String> out = new HashMap<>();
    byBase.forEach((base, keys) -> {
      keys.sort(PRIORITY);
      out.put(keys.get(0), base);
      for (RoomKey key : keys.subList(1, keys.size())) {
        out.put(key, suffixed(base, key, taken));
      }
    });
    return out;
  }

  /** The base with a hash of the room's kind and id; longer in the unlikely case it is taken. */
  private static String suffixed(String base, RoomKey key, Set<String> taken) {
    String identity = key.kind().wireName() + "/" + key.id();
    String alias = base + "-" + Slugs.shortHash(identity);
    for (int round = 2; !taken.add(alias); round++) {
      alias = base + "-" + Slugs.shortHash(identity + "/" + round);
    }
    return alias;
  }
}
