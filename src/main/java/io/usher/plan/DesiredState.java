package io.usher.plan;

import io.usher.schedule.Conference;
import io.usher.schedule.Talk;
import java.time.Instant;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;
import java.util.stream.Stream;

/**
 * The desired state of a conference's rooms: a pure function of the schedule, the policy and
 * the time. A talk room is private until its slot ends, then a public hallway, suggested in its
 * track's space so attendees find it.
 *
 * <p>Layout: the conference space holds one space per track (grouped into subspaces by event
 * type when there are more than {@link Policy#maxSpaceChildren()}); a track space holds the
 * public track room, the private backstage and the private talk rooms (in subspaces when a track
 * has too many talks). The policy's {@link Furnishing}s add people and widgets; aliases come
 * from {@link Aliases}.
 */
public final class DesiredState {
  private static final DateTimeFormatter ORDER_TIME =
      DateTimeFormatter.ofPattern("yyyyMMddHHmm").withZone(ZoneOffset.UTC);

  private final Conference conference;
  private final Policy policy;
  private final Instant now;
  private final String name;
  private final Topics topics;
  private final Map<RoomKey, Spec> specs = new LinkedHashMap<>();
  private final Map<RoomKey, RoomKey> parentOf = new HashMap<>();

  private DesiredState(Conference conference, Policy policy, Instant now) {
    this.conference = conference;
    this.policy = policy;
    this.now = now;
    this.name = policy.conferenceName().isEmpty() ? conference.title() : policy.conferenceName();
    this.topics = new Topics(conference.timeZone(), name);
  }

  /**
   * The rooms the conference should have at {@code now}; see the class comment for their layout.
   *
   * @param now a UTC instant; talks whose slot ended at or before it are hallways
   */
  public static DesiredConference of(Conference conference, Policy policy, Instant now) {
    return new DesiredState(conference, policy, now).build();
  }

  /** The conference's tracks as the planner groups talks: the same ids as its rooms' locators. */
  public static List<PlannedTrack> tracks(Conference conference, TrackGrouping grouping) {
    return Tracks.of(conference, grouping);
  }

  /** Whether a talk's room is a public hallway at {@code now}: its slot has ended. */
  public static boolean isHallway(Talk talk, Instant now) {
    return !now.isBefore(talk.end());
  }

  private DesiredConference build() {
    List<PlannedTrack> tracks = Tracks.of(conference, policy.grouping());
    Furnished furnished = Furnished.nothing();
    for (Furnishing furnishing : policy.furnishings()) {
      furnished = furnished.plus(furnishing.furnish(conference, tracks, policy.conferenceId()));
    }
    // First: the rooms that let staff in refer to it, so it is created before them.
    staffSpace().ifPresent(this::add);
    List<SpaceChild> trackSpaces = new ArrayList<>();
    for (PlannedTrack track : tracks) {
      trackSpaces.add(new SpaceChild(addTrack(track), order(track.id())));
    }
    List<SpaceChild> rootChildren = trackSpaces;
    if (trackSpaces.size() > policy.maxSpaceChildren()) {
      rootChildren = new ArrayList<>();
      for (SpaceGrouping.Subspace group : new SpaceGrouping(policy.conferenceId(), tracks)
          .subspaces(trackSpaces, policy.maxSpaceChildren())) {
        addSpace(group.key(), group.name(), topics.subspace(group.name()), group.children(), "");
        rootChildren.add(new SpaceChild(group.key(), order(group.key().id())));
      }
    }
    addSpace(key(RoomKind.CONFERENCE_SPACE, ""), name, conferenceTopic(), rootChildren, "");
    Map<RoomKey, String> bases = new LinkedHashMap<>();
    specs.values().forEach(spec -> bases.put(spec.key(), Aliases.base(spec.key(), spec.slug())));
    Map<RoomKey, String> aliases = Aliases.resolve(bases);
    Furnished all = furnished;
    List<String> warnings = new ArrayList<>(all.warnings());
    List<DesiredRoom> rooms = specs.values().stream()
        .map(spec -> toRoom(spec, aliases, all, warnings)).toList();
    return new DesiredConference(policy.conferenceId(), name, rooms, tracks, warnings);
  }

  private String conferenceTopic() {
    List<Talk> talks = conference.talks();
    if (talks.isEmpty()) {
      return name;
    }
    var first = talks.stream().map(Talk::start).min(Comparable::compareTo).orElseThrow();
    var last = talks.stream().map(Talk::end).max(Comparable::compareTo).orElseThrow();
    return topics.conference(first, last);
  }

  private RoomKey addTrack(PlannedTrack track) {
    RoomKey trackKey = key(RoomKind.TRACK, track.id());
    add(new Spec(trackKey, track.name(), aliases -> topics.track(track), Access.PUBLIC,
        List.of(), track.id(), ""));
    RoomKey backstage = key(RoomKind.BACKSTAGE, track.id());
    add(new Spec(backstage, track.name() + " (backstage)", aliases -> topics.backstage(track,
        Aliases.full(aliases.apply(trackKey), policy.serverName())), Access.PRIVATE,
        List.of(), track.id(), ""));
    List<SpaceChild> children = new ArrayList<>(List.of(
        new SpaceChild(trackKey, "0"), new SpaceChild(backstage, "1")));
    children.addAll(talkChildren(track));
    RoomKey space = key(RoomKind.TRACK_SPACE, track.id());
    addSpace(space, track.name(), topics.trackSpace(track), children, track.id());
    return space;
  }

  private List<SpaceChild> talkChildren(PlannedTrack track) {
    List<SpaceChild> talks = new ArrayList<>();
    for (Talk talk : track.talks()) {
      RoomKey key = key(RoomKind.TALK, talk.id().value());
      String slug = Slugs.slug(talk.slug().isEmpty() ? talk.title() : talk.slug());
      boolean hallway = isHallway(talk, now);
      add(new Spec(key, talk.title(), aliases -> topics.talk(talk),
          hallway ? Access.PUBLIC : Access.beforeHallway(policy.hallwayHistory()), List.of(),
          track.id(), slug));
      talks.add(new SpaceChild(key, cap("2" + ORDER_TIME.format(talk.start()) + "-" + talk.id()),
          hallway));
    }
    if (talks.size() + 2 <= policy.maxSpaceChildren()) {
      return talks;
    }
    List<SpaceChild> chunks = new ArrayList<>();
    List<List<SpaceChild>> parts = chunk(talks, policy.maxSpaceChildren());
    for (int i = 0; i < parts.size(); i++) {
      RoomKey key = key(RoomKind.SUBSPACE, track.id() + "-talks-" + (i + 1));
      addSpace(key, track.name() + " talks (" + (i + 1) + "/" + parts.size() + ")",
          topics.trackSpace(track), parts.get(i), track.id());
      chunks.add(new SpaceChild(key, "2-" + (i + 1)));
    }
    return chunks;
  }

  /** Adds a space and records it as the parent of its children. */
  private void addSpace(RoomKey key, String spaceName, String topic, List<SpaceChild> children,
      String trackId) {
    children.forEach(child -> parentOf.put(child.key(), key));
    add(new Spec(key, spaceName, aliases -> topic, Access.PUBLIC, children, trackId, ""));
  }

  /** The staff space, when the policy has organisers or moderators to put in it. */
  private Optional<Spec> staffSpace() {
    if (policy.organisers().isEmpty() && policy.moderators().isEmpty()) {
      return Optional.empty();
    }
    String topic = "The organisers and moderators of " + name + ": its members may join every"
        + " backstage and talk room, without an invite.";
    return Optional.of(new Spec(key(RoomKind.STAFF_SPACE, ""), name + " staff",
        aliases -> topic, Access.PRIVATE, List.of(), "", ""));
  }

  /** The room whose members may join {@code spec}'s room uninvited: the staff space, if any. */
  private Optional<RoomKey> joinVia(Spec spec) {
    RoomKey staff = key(RoomKind.STAFF_SPACE, "");
    boolean staffOnly = spec.access() != Access.PUBLIC && spec.key().kind() != RoomKind.STAFF_SPACE;
    return staffOnly && specs.containsKey(staff) ? Optional.of(staff) : Optional.empty();
  }

  /** Organisers and moderators are invited to the staff space, and reach the rest from it. */
  private List<Invitee> invitees(RoomKey key, Furnished furnished) {
    List<Invitee> invitees = new ArrayList<>(furnished.invitees().getOrDefault(key, List.of()));
    if (key.kind() == RoomKind.STAFF_SPACE) {
      Stream.concat(policy.organisers().stream(), policy.moderators().stream())
          .distinct().forEach(user -> invitees.add(new Invitee(user, user, false)));
    }
    return invitees;
  }

  private RoomKey key(RoomKind kind, String id) {
    return new RoomKey(kind, policy.conferenceId(), id);
  }

  private void add(Spec spec) {
    specs.put(spec.key(), spec);
  }

  /**
   * Organisers 100, moderators 50, and the people whose roles give them power here; each user
   * at the highest level any of these gives.
   */
  private PowerLevels powerLevels(RoomKey key, Furnished furnished) {
    Map<String, Integer> users = new LinkedHashMap<>(furnished.powers().getOrDefault(key,
        Map.of()));
    policy.moderators().forEach(user -> users.merge(user, 50, Math::max));
    policy.organisers().forEach(user -> users.merge(user, 100, Math::max));
    return switch (key.kind()) {
      // Spaces: only staff add rooms or post; anyone may invite to a public space.
      case CONFERENCE_SPACE, SUBSPACE, TRACK_SPACE -> new PowerLevels(users, 50, 100, 0, 50);
      case TRACK -> new PowerLevels(users, 0, 50, 0, 50);
      case BACKSTAGE, TALK, STAFF_SPACE -> new PowerLevels(users, 0, 50, 50, 50);
    };
  }

  private DesiredRoom toRoom(Spec spec, Map<RoomKey, String> aliases, Furnished furnished,
      List<String> warnings) {
    String roomName = Texts.shortened(spec.name(), Texts.MOST_NAME, "name", spec.key(), warnings);
    String topic = Texts.shortened(spec.topic().apply(aliases::get), Texts.MOST_TOPIC, "topic",
        spec.key(), warnings);
    return new DesiredRoom(spec.key(), roomName, topic,
        aliases.get(spec.key()), spec.access(), powerLevels(spec.key(), furnished),
        Optional.ofNullable(parentOf.get(spec.key())), spec.children(),
        Locator.content(spec.key(), spec.trackId()), invitees(spec.key(), furnished),
        furnished.state().getOrDefault(spec.key(), List.of()), joinVia(spec));
  }

  static <T> List<List<T>> chunk(List<T> items, int size) {
    int parts = (items.size() + size - 1) / size;
    int per = (items.size() + parts - 1) / parts;
    List<List<T>> chunks = new ArrayList<>();
    for (int i = 0; i < items.size(); i += per) {
      chunks.add(items.subList(i, Math.min(items.size(), i + per)));
    }
    return chunks;
  }

  static String order(String text) {
    return cap(text.toLowerCase(Locale.ROOT));
  }

  private static String cap(String order) {
    return order.length() > 50 ? order.substring(0, 50) : order;
  }

  /**
   * One room before aliases are resolved; its topic may name another room's alias.
   *
   * @param slug the talk's slug, for a talk room's alias; empty for other rooms
   */
  private record Spec(RoomKey key, String name,
      Function<Function<RoomKey, String>, String> topic, Access access,
      List<SpaceChild> children, String trackId, String slug) {}
}
