package io.usher.plan.diff;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.SharedSchedules;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredState;
import io.usher.plan.Policy;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.StateTypes;
import io.usher.plan.TrackGrouping;
import io.usher.schedule.Conference;
import io.usher.schedule.frab.PentabarfFiles;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.junit.jupiter.api.Test;

/** A talk gone from the schedule: its room is closed once, other rooms are never touched. */
class CancelledTalksPlanTest {
  static final Instant BEFORE = Instant.parse("2000-01-01T00:00:00Z");
  final Planner planner = new Planner("localhost", "@bot:localhost");

  static DesiredConference desired(Conference conference) {
    return DesiredState.of(conference, new Policy("ex", "", "localhost", TrackGrouping.TRACK,
        List.of("@org:localhost"), List.of(), 50), BEFORE);
  }

  @Test
  void aCancelledTalksRoomIsClosedOnceAndAPartialPlanClosesNothingElse() throws Exception {
    Conference full = PentabarfFiles.parse(Optional.empty(), SharedSchedules.example());
    List<ObservedRoom> homeserver = PlannerTest.homeserverMatching(planner, desired(full));
    Conference without201 = new Conference(full.title(), full.acronym(), full.timeZone(),
        full.days(), full.talks().stream().filter(t -> !t.id().value().equals("201")).toList(),
        full.source(), List.of());
    DesiredConference desired = desired(without201);

    List<Action> actions = planner.plan(desired, ObservedConference.of("ex", homeserver))
        .actions();
    List<Action.CloseRoom> closes = actions.stream().filter(Action.CloseRoom.class::isInstance)
        .map(Action.CloseRoom.class::cast).toList();
    assertThat(closes).singleElement().satisfies(close -> {
      assertThat(close.room()).isEqualTo(new RoomKey(RoomKind.TALK, "ex", "201"));
      assertThat(close.name()).startsWith("[cancelled] ");
      assertThat(close.txnId()).isEqualTo("usher.close.ex.201");
    });

    Set<RoomKey> some = Set.of(new RoomKey(RoomKind.TALK, "ex", "202"));
    assertThat(planner.plan(desired.only(some), ObservedConference.of("ex", homeserver))
        .actions()).as("a refresh of one room closes only the cancelled talk's")
        .allSatisfy(a -> assertThat(a.room().id()).isNotEqualTo("202"))
        .filteredOn(Action.CloseRoom.class::isInstance).hasSize(1);

    List<ObservedRoom> closed = new ArrayList<>();
    for (ObservedRoom room : homeserver) {
      Map<StateSlot, Map<String, Object>> state = new HashMap<>(room.state());
      if (room.key().id().equals("201") && room.key().kind() == RoomKind.TALK) {
        state.put(new StateSlot(StateTypes.CLOSED, ""), Map.of("reason", "cancelled"));
      }
      closed.add(new ObservedRoom(room.key(), room.roomId(), state));
    }
    assertThat(planner.plan(desired, ObservedConference.of("ex", closed)).actions())
        .noneMatch(a -> a.room().id().equals("201"));
  }
}
