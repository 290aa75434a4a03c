package io.usher.plan.people;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.SharedSchedules;
import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredRoom;
import io.usher.plan.DesiredState;
import io.usher.plan.Invitee;
import io.usher.plan.Policy;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.StateTypes;
import io.usher.plan.TrackGrouping;
import io.usher.plan.diff.Action.UpdatePeople;
import io.usher.plan.diff.Action;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.ObservedRoom;
import io.usher.plan.diff.Plan;
import io.usher.plan.diff.Planner;
import io.usher.plan.diff.PlannerTest;
import io.usher.plan.diff.StateSlot;
import io.usher.schedule.Conference;
import io.usher.schedule.People;
import io.usher.schedule.frab.PentabarfFiles;
import io.usher.schedule.people.PeopleFileParser;
import java.time.Instant;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/** The people file joined with the schedule, and the power levels and invites planned from it. */
class PeoplePlanTest {
  static final Instant BEFORE = Instant.parse("2000-01-01T00:00:00Z");
  static final String PEOPLE = """
      person,name,matrix_id,email,role,track,talk
      2,,@bruno:localhost,,,,
      Eve Host,,@eve:remote.example,,host,,201
      ,Cora Coordinator,@cora:localhost,,coordinator,Real Time Communications,
      Fay Night-Owl,,,fay@example.org,,,
      """;

  final Conference conference;
  final Planner planner = new Planner("localhost", "@bot:localhost");

  PeoplePlanTest() throws Exception {
    conference = PentabarfFiles.parse(Optional.empty(), SharedSchedules.example());
  }

  private DesiredConference desired(String peopleCsv, boolean email, List<String> organisers)
      throws Exception {
    People people = new PeopleFileParser().parse(peopleCsv, "people.csv");
    return DesiredState.of(conference, new Policy("ex", "", "localhost", TrackGrouping.TRACK,
        organisers, List.of(), 50,
        new PeoplePolicy(people, RoleTemplate.defaults(), email)), BEFORE);
  }

  private DesiredConference desired(String peopleCsv) throws Exception {
    return desired(peopleCsv, false, List.of("@org:localhost"));
  }

  private static DesiredRoom room(DesiredConference desired, RoomKind kind, String id) {
    return desired.room(new RoomKey(kind, "ex", id)).orElseThrow();
  }

  @Test
  void speakersHostsAndCoordinatorsGetTheirRoomsAndPower() throws Exception {
    DesiredConference desired = desired(PEOPLE);
    DesiredRoom talk102 = room(desired, RoomKind.TALK, "102");
    assertThat(talk102.invitees()).extracting(Invitee::address).containsExactly("@bruno:localhost");
    assertThat(talk102.powerLevels().users()).containsEntry("@bruno:localhost", 50)
        .containsEntry("@org:localhost", 100);
    DesiredRoom keynotesBackstage = room(desired, RoomKind.BACKSTAGE, "keynotes");
    assertThat(keynotesBackstage.invitees()).extracting(Invitee::address)
        .containsExactly("@bruno:localhost");
    assertThat(keynotesBackstage.powerLevels().users()).doesNotContainKey("@bruno:localhost");
    DesiredRoom talk201 = room(desired, RoomKind.TALK, "201");
    assertThat(talk201.invitees()).extracting(Invitee::address)
        .containsExactly("@eve:remote.example");
    assertThat(room(desired, RoomKind.TRACK, "real-time-communications").powerLevels().users())
        .containsEntry("@cora:localhost", 50);
    assertThat(room(desired, RoomKind.BACKSTAGE, "real-time-communications").invitees())
        .extracting(Invitee::address)
        .containsExactlyInAnyOrder("@bruno:localhost", "@eve:remote.example", "@cora:localhost");
    assertThat(room(desired, RoomKind.TALK, "301").invitees()).isEmpty();
    assertThat(desired.warnings()).singleElement().asString()
        .contains("have no Matrix id or e-mail");
  }

  @Test
  void eMailOnlyPeopleAreInvitedByEmailOnlyWithAnIdentityServer() throws Exception {
    assertThat(room(desired(PEOPLE), RoomKind.TALK, "301").invitees()).isEmpty();
    assertThat(room(desired(PEOPLE, true, List.of()), RoomKind.TALK, "301").invitees())
        .containsExactly(new Invitee("Fay Night-Owl", "fay@example.org", true));
  }

  @Test
  void rolesForUnknownTalksOrTracksAreErrorsWithTheirLine() throws Exception {
    People people = new PeopleFileParser().parse("""
        person,matrix_id,role,track,talk
        Someone,@s:localhost,host,,999
        Other,@o:localhost,coordinator,Knitting,
        """, "people.csv");
    assertThat(Roster.check(conference, TrackGrouping.TRACK, people, RoleTemplate.defaults()))
        .containsExactly(
            "people.csv:2: talk '999' is not in the schedule (expected an event id)",
            "people.csv:3: track 'Knitting' is not in the schedule (expected a track name or id,"
                + " e.g. 'BoF & Community', 'Keynotes', 'Real Time Communications')");
  }

  @Test
  void remoteAndEmailInviteesOfANewRoomAreInvitedAfterCreation() throws Exception {
    Plan plan = planner.plan(desired(PEOPLE), ObservedConference.empty());
    List<UpdatePeople> people = plan.updates().stream()
        .filter(UpdatePeople.class::isInstance).map(UpdatePeople.class::cast).toList();
    assertThat(people).extracting(UpdatePeople::room).containsExactlyInAnyOrder(
        new RoomKey(RoomKind.TALK, "ex", "201"), new RoomKey(RoomKind.TALK, "ex", "203"),
        new RoomKey(RoomKind.BACKSTAGE, "ex", "real-time-communications"));
    assertThat(people).allSatisfy(p -> assertThat(p.invites()).extracting(Invitee::address)
        .containsExactly("@eve:remote.example"));
  }

  @Test
  void appliedPeopleGiveAnEmptyPlanAndANewMatrixIdInvitesOnlyThatPerson() throws Exception {
    DesiredConference before = desired(PEOPLE);
    List<ObservedRoom> observed = afterApply(before);
    assertThat(planner.plan(before, ObservedConference.of("ex", observed)).actions()).isEmpty();

    DesiredConference after = desired(PEOPLE + "Dana Developer,,@dana:localhost,,,,\n");
    Plan plan = planner.plan(after, ObservedConference.of("ex", observed));
    assertThat(plan.actions()).allMatch(UpdatePeople.class::isInstance)
        .extracting(Action::room).containsExactlyInAnyOrder(
            new RoomKey(RoomKind.TALK, "ex", "201"),
            new RoomKey(RoomKind.BACKSTAGE, "ex", "real-time-communications"));
    assertThat(plan.actions()).allSatisfy(a -> assertThat(((UpdatePeople) a).invites())
        .extracting(Invitee::address).containsExactly("@dana:localhost"));
  }

  @Test
  void aRemovedCoordinatorLosesPowerButHandGrantedPowerAndOrganisersAreKept() throws Exception {
    DesiredConference before = desired(PEOPLE, false, List.of("@org:localhost"));
    List<ObservedRoom> observed = withUser(afterApply(before), "@helper:localhost", 50);
    DesiredConference after = desired(PEOPLE.replace(
        ",Cora Coordinator,@cora:localhost,,coordinator,Real Time Communications,\n", ""),
        false, List.of());
    Plan plan = planner.plan(after, ObservedConference.of("ex", observed));
    UpdatePeople track = (UpdatePeople) plan.actions().stream()
        .filter(a -> a.room().equals(new RoomKey(RoomKind.TRACK, "ex",
            "real-time-communications"))).findFirst().orElseThrow();
    assertThat(track.powerChange()).contains("@cora:localhost 50→-")
        .doesNotContain("@org:localhost").doesNotContain("@helper:localhost");
    assertThat(users(track)).containsEntry("@org:localhost", 100)
        .containsEntry("@helper:localhost", 50).doesNotContainKey("@cora:localhost");
    assertThat(track.invites()).isEmpty();
    assertThat(plan.warnings()).anyMatch(w -> w.startsWith("@helper:localhost keeps power in"))
        .anyMatch(w -> w.startsWith("@org:localhost keeps power in"));

    Planner demoting = new Planner("localhost", "@bot:localhost", true);
    UpdatePeople demoted = (UpdatePeople) demoting.plan(after, ObservedConference.of("ex",
        observed)).actions().stream().filter(a -> a.room().equals(track.room()))
        .findFirst().orElseThrow();
    assertThat(users(demoted)).doesNotContainKeys("@org:localhost", "@helper:localhost",
        "@cora:localhost");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> users(UpdatePeople update) {
    return (Map<String, Object>) update.powerLevels().orElseThrow().get("users");
  }

  /** The homeserver after an apply: matching state, and every invitee invited. */
  private List<ObservedRoom> afterApply(DesiredConference desired) {
    List<ObservedRoom> rooms = new ArrayList<>();
    for (ObservedRoom room : PlannerTest.homeserverMatching(planner, desired)) {
      DesiredRoom wanted = desired.room(room.key()).orElseThrow();
      PeopleRecord record = PeopleRecord.initial(wanted, "localhost");
      for (Invitee invitee : wanted.invitees()) {
        record = record.with(invitee);
      }
      Map<StateSlot, Map<String, Object>> state = new HashMap<>(room.state());
      state.put(new StateSlot(PeopleRecord.TYPE, ""), record.content());
      rooms.add(new ObservedRoom(room.key(), room.roomId(), state));
    }
    return rooms;
  }

  private static List<ObservedRoom> withUser(List<ObservedRoom> rooms, String user, int level) {
    return rooms.stream().map(room -> {
      Map<StateSlot, Map<String, Object>> state = new HashMap<>(room.state());
      StateSlot slot = new StateSlot(StateTypes.POWER_LEVELS, "");
      Map<String, Object> powerLevels = new LinkedHashMap<>(state.get(slot));
      @SuppressWarnings("unchecked")
      Map<String, Object> users = new LinkedHashMap<>((Map<String, Object>) powerLevels.get("users"));
      users.put(user, level);
      powerLevels.put("users", users);
      state.put(slot, powerLevels);
      return new ObservedRoom(room.key(), room.roomId(), state);
    }).toList();
  }
}
