package io.usher.commands;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.lifecycle.LifecycleStatus;
import io.usher.lifecycle.Phase;
import io.usher.plan.diff.Plan;
import java.time.Instant;
import java.time.ZoneId;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** Each management-room command against a fake bot: what it calls, and what it answers. */
final class CommandsTest {
  // FOSDEM 2021's first morning: 09:00 UTC is 10:00 in Brussels, which the replies must show.
  static final Instant SATURDAY_9_UTC = Instant.parse("2021-02-06T09:00:00Z");
  static final ZoneId BRUSSELS = ZoneId.of("Europe/Brussels");

  final FakeControl control = new FakeControl();
  final Commands commands = new Commands(control, BRUSSELS);

  @Test
  void recognisesThePrefixAloneOrFollowedByASpace() {
    assertThat(Commands.isCommand("!usher status")).isTrue();
    assertThat(Commands.isCommand("  !usher  ")).isTrue();
    assertThat(Commands.isCommand("!usher")).isTrue();
    assertThat(Commands.isCommand("!ushers status")).isFalse();
    assertThat(Commands.isCommand("please !usher status")).isFalse();
    assertThat(Commands.isCommand("")).isFalse();
  }

  @Test
  void helpListsEveryCommandAndTouchesNothing() {
    assertThat(commands.handle("!usher help")).isEqualTo(Commands.HELP)
        .contains("!usher status", "!usher plan", "!usher apply", "!usher run | pause",
            "!usher schedule [track]", "!usher refresh [--confirm]", "!usher verify [track]");
    assertThat(control.calls).isEmpty();
  }

  @Test
  void thePrefixAloneAnswersTheHelpWithoutCallingItUnknown() {
    assertThat(commands.handle("!usher")).isEqualTo(Commands.HELP);
  }

  @Test
  void commandNamesAreCaseInsensitive() {
    assertThat(commands.handle("!usher PAUSE")).startsWith("Paused");
    assertThat(control.calls).containsExactly("pause");
  }

  @Test
  void statusShowsSourceCountsNextPhasesInTheConferenceZoneAndErrors() {
    control.status = new LifecycleStatus("https://fosdem.org/schedule.xml", 7, 12, false, 3,
        List.of(Phases.upcoming(Phase.START, "Opening", "Main", "main", SATURDAY_9_UTC),
            Phases.upcoming(Phase.UP_NEXT, "Rust intro", "", "rust",
                SATURDAY_9_UTC.plusSeconds(1500))),
        List.of("cannot post in !a:x", "429 from the homeserver"));

    assertThat(commands.handle("!usher status")).isEqualTo("""
        Schedule: https://fosdem.org/schedule.xml
        Rooms: 7 · jobs scheduled: 12 · phases handled: 3 · running
        Next phases:
          Sat 10:00  start  Opening (Main)
          Sat 10:25  up_next  Rust intro (rust)
        Last errors:
          cannot post in !a:x
          429 from the homeserver""");
  }

  @Test
  void statusOfAPausedBotWithNothingDueAndNoErrorsSaysSo() {
    control.status = new LifecycleStatus("schedule.xml", 0, 0, true, 0, List.of(), List.of());

    assertThat(commands.handle("!usher status")).contains("· PAUSED")
        .contains("Next phases:\n  none\n").endsWith("Last errors: none");
  }

  @Test
  void planPrintsWhatApplyWouldDoWithoutApplying() {
    control.plan = new Plan("fosdem", "FOSDEM", List.of(), List.of(), List.of("a warning"), 7, 0);

    assertThat(commands.handle("!usher plan")).startsWith("Plan for fosdem (FOSDEM): nothing to do")
        .endsWith("! a warning");
    assertThat(control.calls).containsExactly("plan");
  }

  @Test
  void applyReconcilesAndGivesTheSummary() {
    control.applied = "3 actions, 2 rooms created";

    assertThat(commands.handle("!usher apply")).isEqualTo("Applied: 3 actions, 2 rooms created");
    assertThat(control.calls).containsExactly("apply");
  }

  @Test
  void pauseAndRunSwitchThePhasesOffAndOn() {
    assertThat(commands.handle("!usher pause")).startsWith("Paused").contains("`!usher run`");
    assertThat(commands.handle("!usher run")).startsWith("Running");
    assertThat(control.calls).containsExactly("pause", "run");
  }

  @Test
  void refreshReloadsTheScheduleAndGivesTheSummary() {
    control.refreshed = "schedule changed: 1 talk moved";

    assertThat(commands.handle("!usher refresh")).isEqualTo(
        "Refreshed: schedule changed: 1 talk moved");
    assertThat(control.calls).containsExactly("refresh");
  }

  @Test
  void scheduleListsTheNextFifteenPhasesOfAllTracks() {
    control.upcoming = List.of(
        Phases.upcoming(Phase.REMINDER, "Opening", "Main", "main", SATURDAY_9_UTC));

    assertThat(commands.handle("!usher schedule")).isEqualTo("""
        Next phases:
          Sat 10:00  reminder  Opening (Main)""");
    assertThat(control.calls).containsExactly("upcoming * 15");
  }

  @Test
  void scheduleOfATrackPassesTheWholeArgumentStripped() {
    control.upcoming = List.of(
        Phases.upcoming(Phase.END, "Closing", "Main Track", "main", SATURDAY_9_UTC));

    assertThat(commands.handle("!usher schedule   Main Track  ")).startsWith(
        "Next phases (Main Track):\n  Sat 10:00  end  Closing (Main Track)");
    assertThat(control.calls).containsExactly("upcoming Main Track 15");
  }

  @Test
  void scheduleWithNothingToComeSaysSoForAllTracksOrTheOneAskedFor() {
    assertThat(commands.handle("!usher schedule")).isEqualTo("No phases to come.");
    assertThat(commands.handle("!usher schedule rust")).isEqualTo(
        "No phases to come for tracks matching “rust”.");
  }

  @Test
  void verifyReportsForAllTracksOrOne() {
    control.verified = "\n2 people missing\n";

    assertThat(commands.handle("!usher verify")).isEqualTo("2 people missing");
    assertThat(commands.handle("!usher verify rust")).isEqualTo("2 people missing");
    assertThat(control.calls).containsExactly("verify *", "verify rust");
  }

  @Test
  void anUnknownCommandIsNamedAndAnsweredWithTheHelpAndTouchesNothing() {
    assertThat(commands.handle("!usher dance")).isEqualTo(
        "Unknown command “dance”.\n" + Commands.HELP);
    assertThat(control.calls).isEmpty();
  }

  @Test
  void anUnknownCommandIsNamedInLowerCaseWhateverItsArguments() {
    assertThat(commands.handle("!usher DELETE everything")).startsWith(
        "Unknown command “delete”.");
    assertThat(control.calls).isEmpty();
  }

  // Arguments are read by schedule and verify only; the others do what they do without one. This
  // pins that down: `!usher apply rust` applies every room, not rust's (see the report).
  @ParameterizedTest
  @ValueSource(strings = {"apply", "run", "pause", "plan", "status"})
  void commandsThatTakeNoArgumentIgnoreOne(String command) {
    commands.handle("!usher " + command + " rust");

    assertThat(control.calls).hasSize(1).allMatch(call -> !call.contains("rust"));
  }

  @Test
  void refreshTakesOnlyConfirm() {
    assertThat(commands.handle("!usher refresh --confirm")).startsWith("Refreshed: ");
    assertThat(commands.handle("!usher refresh rust")).startsWith("Unknown argument “rust”");
    assertThat(control.calls).containsExactly("refresh --confirm");
  }

  @Test
  void anArgumentToHelpStillAnswersTheHelp() {
    assertThat(commands.handle("!usher help apply")).isEqualTo(Commands.HELP);
  }

  @Test
  void whatTheBotThrowsReachesTheCallerForTheInboxToAnswer() {
    // Commands does not catch: Inbox turns the exception into "That failed: ..." (InboxTest).
    control.failure = new IllegalStateException("homeserver unreachable");

    assertThatThrownBy(() -> commands.handle("!usher apply"))
        .hasMessage("homeserver unreachable");
  }
}
