package io.usher.plan.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.SharedSchedules;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredRoom;
import io.usher.plan.DesiredState;
import io.usher.plan.Policy;
import io.usher.plan.RoomKey;
import io.usher.plan.Invitee;
import io.usher.plan.RoomKind;
import io.usher.plan.RoomRefs;
import io.usher.plan.StateTypes;
import io.usher.plan.TrackGrouping;
import io.usher.plan.people.PeopleRecord;
import io.usher.schedule.Conference;
import io.usher.schedule.frab.PentabarfFiles;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

public class PlannerTest {
  /** Before the conference: every talk room is private. */
  public static final java.time.Instant BEFORE = java.time.Instant.parse("2000-01-01T00:00:00Z");

  static final String BOT = "@bot:localhost";
  final Planner planner = new Planner("localhost", BOT);
  DesiredConference desired;

  @BeforeEach
  void setUp() throws Exception {
    Conference c = PentabarfFiles.parse(Optional.empty(), SharedSchedules.example());
    desired = DesiredState.of(c, new Policy("ex", "", "localhost", TrackGrouping.TRACK,
        List.of("@org:localhost"), List.of(), 50), BEFORE);
  }

  /** The homeserver as it would be after a perfect apply, with Synapse's extra keys. */
  private List<ObservedRoom> homeserverMatching(DesiredConference wanted) {
    return homeserverMatching(planner, wanted);
  }

  public static List<ObservedRoom> homeserverMatching(Planner planner, DesiredConference wanted) {
    Map<RoomKey, String> ids = new HashMap<>();
    wanted.rooms().forEach(r -> ids.put(r.key(), "!" + r.key().kind() + r.key().id() + ":lh"));
    List<ObservedRoom> rooms = new ArrayList<>();
    for (DesiredRoom room : wanted.rooms()) {
      Map<StateSlot, Map<String, Object>> state = new HashMap<>();
      room.state().forEach(e -> state.put(new StateSlot(e.type(), e.stateKey()),
          RoomRefs.resolve(e.content(), key -> Optional.ofNullable(ids.get(key)))));
      state.put(new StateSlot(StateTypes.TOPIC, ""),
          Map.of("topic", room.topic(), "m.topic", Map.of()));
      Map<String, Object> powerLevels = new LinkedHashMap<>(room.powerLevels().content());
      Map<String, Object> users = new LinkedHashMap<>(room.powerLevels().users());
      users.put(BOT, 100);
      powerLevels.put("users", users);
      powerLevels.put("events", Map.of("m.room.name", 50));
      state.put(new StateSlot(StateTypes.POWER_LEVELS, ""), powerLevels);
      state.put(new StateSlot(PeopleRecord.TYPE, ""),
          PeopleRecord.initial(room, "localhost").content());
      state.put(new StateSlot(StateTypes.CANONICAL_ALIAS, ""),
          Map.of("alias", room.alias("localhost")));
      room.children().forEach(c -> state.put(new StateSlot(StateTypes.SPACE_CHILD,
          ids.get(c.key())), planner.childContent(c)));
      room.parent().ifPresent(p -> state.put(new StateSlot(StateTypes.SPACE_PARENT,
          ids.get(p)), planner.parentContent()));
      rooms.add(new ObservedRoom(room.key(), ids.get(room.key()), state));
    }
    return rooms;
  }

  @Test
  void emptyHomeserverCreatesEveryRoomChildrenFirst() {
    Plan plan = planner.plan(desired, ObservedConference.empty());
    assertThat(plan.creates()).hasSize(desired.rooms().size());
    assertThat(plan.creates()).isSortedAccordingTo(
        java.util.Comparator.comparingInt(Action.CreateRoom::wave));
    assertThat(plan.creates().get(plan.creates().size() - 1).room().kind())
        .isEqualTo(RoomKind.CONFERENCE_SPACE);
    assertThat(plan.updates()).as("one request per room: m.space.child in the spaces'"
        + " createRoom, no m.space.parent afterwards").isEmpty();
  }

  @Test
  void matchingHomeserverGivesAnEmptyPlan() {
    Plan plan = planner.plan(desired, ObservedConference.of("ex", homeserverMatching(desired)));
    assertThat(plan.actions()).isEmpty();
  }

  @Test
  void otherConferencesRoomsAreIgnored() {
    List<ObservedRoom> rooms = new ArrayList<>(homeserverMatching(desired));
    rooms.add(new ObservedRoom(new RoomKey(RoomKind.TALK, "other", "1"), "!x:lh", Map.of()));
    Plan plan = planner.plan(desired, ObservedConference.of("ex", rooms));
    assertThat(plan.actions()).isEmpty();
    assertThat(plan.unmanaged()).isEmpty();
  }

  @Test
  void changedTopicAndNewOrganiserAreUpdatedKeepingTheBotsOwnPower() throws Exception {
    List<ObservedRoom> before = homeserverMatching(desired);
    Conference c = PentabarfFiles.parse(Optional.empty(), SharedSchedules.example());
    DesiredConference changed = DesiredState.of(c, new Policy("ex", "", "localhost",
        TrackGrouping.TRACK, List.of("@org:localhost", "@new:localhost"), List.of(), 50), BEFORE);
    Plan plan = planner.plan(changed, ObservedConference.of("ex", before));
    assertThat(plan.creates()).isEmpty();
    assertThat(plan.updates()).hasSize(desired.rooms().size())
        .allMatch(a -> a instanceof Action.UpdatePeople p && p.powerLevels().isPresent());
    // A new organiser is invited to the staff space alone: it opens every private room.
    assertThat(plan.updates()).filteredOn(a -> !((Action.UpdatePeople) a).invites().isEmpty())
        .singleElement().satisfies(a -> {
          assertThat(a.room().kind()).isEqualTo(RoomKind.STAFF_SPACE);
          assertThat(((Action.UpdatePeople) a).invites()).map(Invitee::address)
              .containsExactly("@new:localhost");
        });
    Action.UpdatePeople put = (Action.UpdatePeople) plan.updates().get(0);
    @SuppressWarnings("unchecked")
    Map<String, Object> users = (Map<String, Object>) put.powerLevels().orElseThrow().get("users");
    assertThat(users).containsEntry(BOT, 100)
        .containsEntry("@new:localhost", 100);
    assertThat(put.powerLevels().orElseThrow()).containsKey("events");
    assertThat(put.powerChange()).contains("@new:localhost -→100");
    assertThat(put.record().power()).containsEntry("@new:localhost", 100);
  }

  @Test
  void aNewTalkIsCreatedWithItsParentInInitialStateAndListedByItsSpace() {
    List<ObservedRoom> before = homeserverMatching(desired);
    RoomKey removed = new RoomKey(RoomKind.TALK, "ex", "204");
    before.removeIf(r -> r.key().equals(removed));
    Plan plan = planner.plan(desired, ObservedConference.of("ex", before));
    assertThat(plan.creates()).singleElement()
        .satisfies(c -> assertThat(c.parentInInitialState()).isTrue());
    assertThat(plan.updates()).singleElement().isEqualTo(new Action.LinkChild(
        new RoomKey(RoomKind.TRACK_SPACE, "ex", "real-time-communications"), removed,
        planner.childContent(desired.room(new RoomKey(RoomKind.TRACK_SPACE, "ex",
            "real-time-communications")).orElseThrow().children().stream()
            .filter(ch -> ch.key().equals(removed)).findFirst().orElseThrow())));
  }

  @Test
  void duplicateLocatorsKeepOneRoomAndWarn() {
    List<ObservedRoom> rooms = new ArrayList<>(homeserverMatching(desired));
    ObservedRoom first = rooms.get(0);
    rooms.add(new ObservedRoom(first.key(), "!zzz:lh", first.state()));
    Plan plan = planner.plan(desired, ObservedConference.of("ex", rooms));
    assertThat(plan.actions()).isEmpty();
    assertThat(plan.warnings()).filteredOn(w -> w.contains("two rooms")).singleElement()
        .asString().contains("!zzz:lh");
  }
}
