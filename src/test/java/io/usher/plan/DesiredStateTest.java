package io.usher.plan;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.SharedSchedules;
import io.usher.schedule.Conference;
import io.usher.schedule.frab.PentabarfFiles;
import java.time.ZoneId;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.function.Function;
import java.util.stream.Collectors;
import org.junit.jupiter.api.Test;

public class DesiredStateTest {
  /** Before the conference: every talk room is private. */
  public static final java.time.Instant BEFORE = java.time.Instant.parse("2000-01-01T00:00:00Z");

  public static final Policy POLICY = new Policy("fosdem2021", "", "example.org", TrackGrouping.TRACK,
      List.of("@org:example.org"), List.of("@mod:example.org"), 50);

  public static Conference fosdem2021() throws Exception {
    return PentabarfFiles.parse(Optional.of(ZoneId.of("Europe/Brussels")),
        SharedSchedules.path(SharedSchedules.FOSDEM_2021));
  }

  private static Map<RoomKind, Long> countByKind(DesiredConference desired) {
    return desired.rooms().stream()
        .collect(Collectors.groupingBy(r -> r.key().kind(), Collectors.counting()));
  }

  @Test
  void fosdem2021HasARoomPerTrackBackstageAndTalk() throws Exception {
    DesiredConference desired = DesiredState.of(fosdem2021(), POLICY, BEFORE);
    Map<RoomKind, Long> counts = countByKind(desired);
    assertThat(counts.get(RoomKind.TRACK)).isEqualTo(109);
    assertThat(counts.get(RoomKind.BACKSTAGE)).isEqualTo(109);
    assertThat(counts.get(RoomKind.TALK)).isEqualTo(773);
    assertThat(counts.get(RoomKind.TRACK_SPACE)).isEqualTo(109);
    assertThat(counts.get(RoomKind.CONFERENCE_SPACE)).isEqualTo(1);
    assertThat(counts.get(RoomKind.SUBSPACE)).isBetween(2L, 10L);
  }

  @Test
  void noSpaceHasMoreThanFiftyChildrenAndEveryRoomIsInExactlyOneSpace() throws Exception {
    DesiredConference desired = DesiredState.of(fosdem2021(), POLICY, BEFORE);
    Map<RoomKey, DesiredRoom> byKey = desired.byKey();
    Set<RoomKey> listed = new HashSet<>();
    for (DesiredRoom room : desired.rooms()) {
      assertThat(room.children()).hasSizeLessThanOrEqualTo(50);
      for (SpaceChild child : room.children()) {
        assertThat(listed.add(child.key())).as("listed once: " + child.key()).isTrue();
        assertThat(byKey.get(child.key()).parent()).contains(room.key());
        assertThat(child.order()).hasSizeLessThanOrEqualTo(50);
      }
    }
    // All but the conference space and the staff space, a private space of its own.
    assertThat(listed).hasSize(desired.rooms().size() - 2);
    assertThat(desired.root().parent()).isEmpty();
    assertThat(desired.room(new RoomKey(RoomKind.STAFF_SPACE, "fosdem2021", ""))).isPresent();
  }

  @Test
  void childrenComeBeforeTheSpacesThatListThem() throws Exception {
    List<DesiredRoom> rooms = DesiredState.of(fosdem2021(), POLICY, BEFORE).rooms();
    Map<RoomKey, Integer> position = new java.util.HashMap<>();
    for (int i = 0; i < rooms.size(); i++) {
      position.put(rooms.get(i).key(), i);
    }
    for (DesiredRoom room : rooms) {
      room.children().forEach(c -> assertThat(position.get(c.key()))
          .isLessThan(position.get(room.key())));
    }
  }

  @Test
  void aliasesAreUniqueAndSafeForEveryRealRoomName() throws Exception {
    for (String file : List.of(SharedSchedules.FOSDEM_2021, SharedSchedules.FOSDEM_2025)) {
      Conference c = PentabarfFiles.parse(Optional.of(ZoneId.of("Europe/Brussels")),
          SharedSchedules.path(file));
      for (TrackGrouping grouping : TrackGrouping.values()) {
        Policy policy = new Policy("conf", "", "example.org", grouping, List.of(), List.of(), 50);
        List<String> aliases = DesiredState.of(c, policy, BEFORE).rooms().stream()
            .map(DesiredRoom::aliasLocalpart).toList();
        assertThat(aliases).doesNotHaveDuplicates()
            .allMatch(a -> a.matches("[a-z0-9][a-z0-9-]*") && a.length() <= 100, "safe alias");
      }
    }
  }

  @Test
  void groupingByRoomMakesOneTrackPerScheduleRoom() throws Exception {
    Policy byRoom = new Policy("c", "", "example.org", TrackGrouping.ROOM, List.of(), List.of(),
        50);
    DesiredConference desired = DesiredState.of(fosdem2021(), byRoom, BEFORE);
    assertThat(countByKind(desired).get(RoomKind.TRACK)).isEqualTo(106);
    assertThat(desired.tracks()).allMatch(t -> t.streamRoom().equals(t.name()));
  }

  @Test
  void trackStreamsFromTheRoomMostOfItsTalksAreIn() throws Exception {
    Conference c = PentabarfFiles.parse(Optional.empty(),
        SharedSchedules.path(SharedSchedules.FOSDEM_2025));
    Policy policy = new Policy("c", "", "example.org", TrackGrouping.TRACK, List.of(), List.of(),
        50);
    Map<String, PlannedTrack> tracks = DesiredState.of(c, policy, BEFORE).tracks().stream()
        .collect(Collectors.toMap(PlannedTrack::name, Function.identity()));
    PlannedTrack junior = tracks.get("FOSDEM Junior");
    Map<String, Long> rooms = junior.talks().stream()
        .collect(Collectors.groupingBy(t -> t.room(), Collectors.counting()));
    assertThat(rooms).hasSizeGreaterThan(1);
    assertThat(rooms.get(junior.streamRoom())).isEqualTo(
        rooms.values().stream().max(Long::compare).orElseThrow());
  }

  @Test
  void exampleScheduleRoomsHaveTopicsInTheConferenceZoneAndPowerLevels() throws Exception {
    Conference c = PentabarfFiles.parse(Optional.empty(), SharedSchedules.example());
    DesiredConference desired = DesiredState.of(c, new Policy("ex", "", "localhost",
        TrackGrouping.TRACK, List.of("@org:localhost"), List.of("@mod:localhost"), 50), BEFORE);
    DesiredRoom talk = desired.room(new RoomKey(RoomKind.TALK, "ex", "302")).orElseThrow();
    assertThat(talk.topic()).startsWith("Sun 15 Mar 2026, 00:30–01:00 (Europe/Brussels)")
        .contains("room K.3.201", "Fay Night-Owl");
    assertThat(talk.access()).isEqualTo(Access.BEFORE_HALLWAY_MEMBERS_ONLY);
    assertThat(talk.powerLevels().users())
        .containsExactlyInAnyOrderEntriesOf(Map.of("@org:localhost", 100, "@mod:localhost", 50));
    DesiredRoom track = desired.room(new RoomKey(RoomKind.TRACK, "ex",
        "real-time-communications")).orElseThrow();
    assertThat(track.access()).isEqualTo(Access.PUBLIC);
    assertThat(track.aliasLocalpart()).isEqualTo("ex-real-time-communications");
    assertThat(track.topic()).contains("room H.1308 (Rolin) – Ünïcode & Co");
  }
}
