package io.usher.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.plan.Invitee;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.diff.Action.UpdatePeople;
import io.usher.plan.people.PeopleRecord;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * Invites and their record: a refused invite of someone already in the room counts as done (the
 * member event says so, not the error's text); another refusal is a failure, left out of the
 * record so the next run retries it.
 */
class PeopleUpdaterTest {
  private static final String ROOM = "!talk:test";
  private final FakeHomeserver homeserver = new FakeHomeserver();
  private final PeopleUpdater updater = new PeopleUpdater(homeserver, Optional.empty());
  private final Invitee cora = new Invitee("Cora", "@cora:test", false);
  private final Invitee dana = new Invitee("Dana", "@dana:test", false);
  private final Invitee eve = new Invitee("Eve", "@eve:test", false);

  @Test
  void someoneAlreadyJoinedIsRecordedAsInvitedAndOthersAreInvited() {
    homeserver.putState(ROOM, "m.room.member", "@cora:test", Map.of("membership", "join"));
    List<String> failures = new ArrayList<>();
    updater.apply(update(List.of(cora, dana)), ROOM, failures);
    assertThat(failures).isEmpty();
    assertThat(homeserver.calls).contains("invite " + ROOM + " @cora:test",
        "invite " + ROOM + " @dana:test");
    PeopleRecord record = PeopleRecord.parse(
        homeserver.getState(ROOM, PeopleRecord.TYPE, "").orElseThrow());
    assertThat(record.hasInvited(cora)).isTrue();
    assertThat(record.hasInvited(dana)).isTrue();
  }

  @Test
  void aRefusalOfSomeoneNotInTheRoomIsAFailureAndLeftForTheNextRun() {
    homeserver.refuseInvite = "@eve:test"::equals;
    List<String> failures = new ArrayList<>();
    updater.apply(update(List.of(eve, dana)), ROOM, failures);
    assertThat(failures).singleElement().asString()
        .contains("inviting Eve").contains("HTTP 403 M_FORBIDDEN");
    PeopleRecord record = PeopleRecord.parse(
        homeserver.getState(ROOM, PeopleRecord.TYPE, "").orElseThrow());
    assertThat(record.hasInvited(eve)).isFalse();
    assertThat(record.hasInvited(dana)).isTrue();
  }

  private static UpdatePeople update(List<Invitee> invites) {
    PeopleRecord record = PeopleRecord.empty();
    for (Invitee invitee : invites) {
      record = record.with(invitee);
    }
    return new UpdatePeople(new RoomKey(RoomKind.TALK, "conf", "101"), Optional.empty(), "",
        invites, record);
  }
}
