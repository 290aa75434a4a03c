package io.usher.commands;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.matrix.RoomEvent;
import io.usher.matrix.SyncResponse;
import io.usher.matrix.SyncResponse.JoinedRoom;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

/**
 * One {@code /sync} batch of the management room, decided without a homeserver: which events
 * are commands, and what each sender gets back.
 */
final class InboxTest {
  static final String ROOM = "!mgmt:example.org";
  static final String BOT = "@bot:example.org";
  static final String ORGANISER = "@ada:example.org";
  static final String ATTENDEE = "@mallory:example.org";

  final FakeControl control = new FakeControl();
  final List<String> log = new ArrayList<>();
  final Inbox inbox = new Inbox(BOT, ROOM, new Commands(control, ZoneOffset.UTC), log::add);
  int events;

  RoomEvent message(String sender, String msgtype, String body) {
    return new RoomEvent("$" + ++events, "m.room.message", Optional.empty(), sender, events,
        Map.of("msgtype", msgtype, "body", body));
  }

  static SyncResponse sync(Map<String, List<RoomEvent>> timelines) {
    Map<String, JoinedRoom> joined = new HashMap<>();
    timelines.forEach((room, timeline) ->
        joined.put(room, new JoinedRoom(List.of(), timeline, Map.of())));
    return new SyncResponse("s2", joined);
  }

  @Test
  void commandsAreTheMessagesThatStartWithThePrefixInTheirOrder() {
    RoomEvent status = message(ORGANISER, "m.text", "!usher status");
    RoomEvent chat = message(ORGANISER, "m.text", "good morning");
    RoomEvent pause = message(ATTENDEE, "m.text", " !usher pause ");

    assertThat(inbox.commands(List.of(status, chat, pause))).containsExactly(
        new Inbox.Command(status.eventId(), ORGANISER, "!usher status"),
        new Inbox.Command(pause.eventId(), ATTENDEE, " !usher pause "));
  }

  @Test
  void theBotsOwnMessagesAreNeverCommands() {
    assertThat(inbox.commands(List.of(message(BOT, "m.text", "!usher apply")))).isEmpty();
  }

  @Test
  void noticesAreNeverCommandsWhoeverSendsThem() {
    // Another bot quoting our help in a notice must not start a conversation between bots.
    assertThat(inbox.commands(List.of(message(ORGANISER, "m.notice", "!usher apply"))))
        .isEmpty();
  }

  @Test
  void eventsOtherThanMessagesAreNeverCommands() {
    RoomEvent reaction = new RoomEvent("$r", "m.reaction", Optional.empty(), ORGANISER, 1,
        Map.of("body", "!usher apply"));
    RoomEvent topic = new RoomEvent("$t", "m.room.topic", Optional.of(""), ORGANISER, 2,
        Map.of("body", "!usher apply"));

    assertThat(inbox.commands(List.of(reaction, topic))).isEmpty();
  }

  @Test
  void onlyThisRoomsPartOfTheBatchIsRead() {
    RoomEvent here = message(ORGANISER, "m.text", "!usher status");
    SyncResponse sync = sync(Map.of(ROOM, List.of(here),
        "!other:example.org", List.of(message(ORGANISER, "m.text", "!usher apply"))));

    assertThat(inbox.commands(sync)).extracting(Inbox.Command::eventId)
        .containsExactly(here.eventId());
    assertThat(inbox.commands(sync(Map.of()))).isEmpty();
  }

  @Test
  void aMemberBelowLevel50IsRefusedByNameAndTheBotIsNotTouched() {
    Inbox.Command pause = command(ATTENDEE, "!usher pause");

    assertThat(inbox.reply(pause, 49)).isEqualTo("Sorry " + ATTENDEE + ", only members with"
        + " power level 50 or more in this room can give me commands (you have 49).");
    assertThat(inbox.reply(command(ATTENDEE, "!usher apply"), 0)).startsWith("Sorry");
    assertThat(control.calls).isEmpty();
    assertThat(log).containsExactly("refused a command from " + ATTENDEE + " (power level 49)",
        "refused a command from " + ATTENDEE + " (power level 0)");
  }

  @Test
  void aMemberAtLevel50OrAboveIsObeyedAndLogged() {
    assertThat(inbox.reply(command(ORGANISER, " !usher pause "), 50)).startsWith("Paused");
    assertThat(inbox.reply(command(ORGANISER, "!usher run"), PowerCheck.CREATOR))
        .startsWith("Running");
    assertThat(control.calls).containsExactly("pause", "run");
    assertThat(log).containsExactly(ORGANISER + ": !usher pause", ORGANISER + ": !usher run");
  }

  @Test
  void whatTheBotThrowsBecomesAReplyNotACrash() {
    control.failure = new IllegalStateException("homeserver unreachable");

    assertThat(inbox.reply(command(ORGANISER, "!usher apply"), 100))
        .isEqualTo("That failed: homeserver unreachable");
    assertThat(inbox.reply(command(ORGANISER, "!usher status"), 100))
        .isEqualTo("That failed: homeserver unreachable");
  }

  @Test
  void aBatchFromAnAttendeeAndAnOrganiserChangesOnlyWhatTheOrganiserAsked() {
    // The management room's loop, minus its I/O: levels from the room's state, then replies.
    List<RoomEvent> state = List.of(PowerCheckTest.create("10", List.of()),
        PowerCheckTest.powerLevels(Map.of("users", Map.of(ORGANISER, 100))));
    SyncResponse sync = sync(Map.of(ROOM, List.of(message(ATTENDEE, "m.text", "!usher pause"),
        message(ORGANISER, "m.text", "!usher status"), message(BOT, "m.notice", "Status: ..."))));

    List<String> replies = inbox.commands(sync).stream()
        .map(c -> inbox.reply(c, PowerCheck.levelOf(c.sender(), state))).toList();

    assertThat(replies).hasSize(2);
    assertThat(replies.get(0)).startsWith("Sorry " + ATTENDEE);
    assertThat(replies.get(1)).startsWith("Schedule: ");
    assertThat(control.calls).containsExactly("status");
  }

  private Inbox.Command command(String sender, String body) {
    return new Inbox.Command("$" + ++events, sender, body);
  }
}
