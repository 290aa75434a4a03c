package io.usher.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.plan.DesiredConference;
import io.usher.plan.DesiredState;
import io.usher.plan.Policy;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomKind;
import io.usher.plan.TrackGrouping;
import io.usher.plan.diff.Action;
import io.usher.plan.diff.Planner;
import io.usher.plan.diff.RemovalGuard;
import io.usher.schedule.Conference;
import io.usher.schedule.Day;
import io.usher.schedule.Person;
import io.usher.schedule.PersonId;
import io.usher.schedule.SourceLocation;
import io.usher.schedule.Talk;
import io.usher.schedule.TalkId;
import java.time.Duration;
import java.time.Instant;
import java.time.LocalDate;
import java.time.ZoneOffset;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.CyclicBarrier;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.TimeUnit;
import org.junit.jupiter.api.Test;

/** The owner of the observed state, against a homeserver in memory. */
class ReconcilerTest {
  private static final Instant T = Instant.parse("2026-03-14T10:00:00Z");
  private static final Policy POLICY = new Policy("conf", "", "test", TrackGrouping.TRACK,
      List.of("@org:test"), List.of(), 50);

  private final FakeHomeserver homeserver = new FakeHomeserver();
  /** The fake never lags, so a room its directory names but its read misses is not ours. */
  private final Reconciler reconciler = new Reconciler(new ObservedStateReader(homeserver,
      Duration.ZERO, ReadingStore.none()),
      new Planner("test", "@bot:test"),
      new PlanExecutor(homeserver, "test", "@bot:test", 4, line -> { }, Optional.empty()),
      "conf");

  static Conference conference(String... tracksAndIds) {
    List<Talk> talks = new ArrayList<>();
    for (int i = 0; i < tracksAndIds.length; i += 2) {
      talks.add(TalkFixture.talk(tracksAndIds[i + 1], "Talk " + tracksAndIds[i + 1],
          tracksAndIds[i], T.plus(Duration.ofHours(i))));
    }
    return TalkFixture.conference(talks);
  }

  private static RoomKey talk(String id) {
    return new RoomKey(RoomKind.TALK, "conf", id);
  }

  @Test
  void twoTracksCreatingRoomsAtOnceKeepBothRoomIds() throws Exception {
    Conference before = conference("Rust", "1", "Go", "2");
    reconciler.reconcileAll(DesiredState.of(before, POLICY, Instant.EPOCH),
        RemovalGuard.CONFIRMED);
    DesiredConference after = DesiredState.of(conference("Rust", "1", "Go", "2", "Rust", "3",
        "Go", "4"), POLICY, Instant.EPOCH);
    CyclicBarrier bothInFlight = new CyclicBarrier(2);
    homeserver.duringCreate = () -> {
      try {
        bothInFlight.await(5, TimeUnit.SECONDS);
      } catch (Exception e) {
        throw new IllegalStateException(e);
      }
    };
    ExecutorService tracks = Executors.newFixedThreadPool(2);
    try {
      Future<ApplyResult> rust = tracks.submit(() -> reconciler.reconcileRooms(after,
          Set.of(talk("3"))));
      Future<ApplyResult> go = tracks.submit(() -> reconciler.reconcileRooms(after,
          Set.of(talk("4"))));
      assertThat(rust.get().created()).containsKey(talk("3"));
      assertThat(go.get().created()).containsKey(talk("4"));
    } finally {
      tracks.shutdownNow();
    }
    assertThat(reconciler.roomId(talk("3"))).isPresent();
    assertThat(reconciler.roomId(talk("4"))).isPresent();
    assertThat(reconciler.roomId(talk("1"))).isPresent();
  }

  @Test
  void aFreshBuildCreatesChildrenBeforeTheSpacesThatListThemAndReAppliesNothing() {
    DesiredConference desired = DesiredState.of(conference("Rust", "1", "Go", "2"), POLICY,
        Instant.EPOCH);
    Reconciler.Outcome first = reconciler.reconcileAll(desired, RemovalGuard.CONFIRMED);
    assertThat(first.result().failures()).isEmpty();
    assertThat(first.result().created()).hasSize(desired.rooms().size());
    List<String> creates = homeserver.calls.stream().filter(c -> c.startsWith("createRoom"))
        .toList();
    assertThat(creates).hasSize(desired.rooms().size()).last().asString()
        .isEqualTo("createRoom " + desired.root().name());
    String rustSpace = reconciler.roomId(new RoomKey(RoomKind.TRACK_SPACE, "conf", "rust"))
        .orElseThrow();
    String talkRoom = reconciler.roomId(talk("1")).orElseThrow();
    assertThat(homeserver.getState(rustSpace, "m.space.child", talkRoom)).isPresent();
    assertThat(homeserver.calls).noneMatch(c -> c.startsWith("putState"));

    homeserver.calls.clear();
    Reconciler.Outcome again = reconciler.reconcileAll(desired, RemovalGuard.CONFIRMED);
    assertThat(again.plan().actions()).isEmpty();
    assertThat(homeserver.calls).as("the changes since the first read, and who is where")
        .containsExactly("sync", "joinedRooms");
  }

  @Test
  void aFailedCreationIsReportedTheSpaceIsCreatedWithoutItAndTheNextRunCreatesIt() {
    DesiredConference desired = DesiredState.of(conference("Rust", "1", "Rust", "2"), POLICY,
        Instant.EPOCH);
    homeserver.refuseCreate = request -> request.name().equals("Talk 2");
    Reconciler.Outcome first = reconciler.reconcileAll(desired, RemovalGuard.CONFIRMED);
    assertThat(first.result().failures()).hasSize(2).anySatisfy(f ->
        assertThat(f).startsWith("talk:2: create:").contains("HTTP 500"))
        .anySatisfy(f -> assertThat(f).contains("not linking talk:2"));
    assertThat(reconciler.roomId(talk("2"))).isEmpty();

    homeserver.refuseCreate = request -> false;
    Reconciler.Outcome second = reconciler.reconcileAll(desired, RemovalGuard.CONFIRMED);
    assertThat(second.result().failures()).isEmpty();
    assertThat(second.result().created()).containsOnlyKeys(talk("2"));
    String rustSpace = reconciler.roomId(new RoomKey(RoomKind.TRACK_SPACE, "conf", "rust"))
        .orElseThrow();
    assertThat(homeserver.getState(rustSpace, "m.space.child",
        reconciler.roomId(talk("2")).orElseThrow())).isPresent();
  }

  /** Talks and a one-day conference, built directly. */
  @Test
  void anOverLongTitleMakesAShortenedRoomNameAndAWarning() {
    Conference c = TalkFixture.conference(List.of(TalkFixture.talk("1", "x".repeat(1000),
        "Rust", T)));
    Reconciler.Outcome outcome = reconciler.reconcileAll(DesiredState.of(c, POLICY,
        Instant.EPOCH), RemovalGuard.CONFIRMED);
    assertThat(outcome.result().failures()).isEmpty();
    assertThat(outcome.plan().warnings()).anySatisfy(w -> assertThat(w)
        .isEqualTo("talk:1: name shortened to 255 characters (it had 1000)"));
    String room = reconciler.roomId(talk("1")).orElseThrow();
    assertThat(homeserver.getState(room, "m.room.name", "").orElseThrow().get("name"))
        .asString().hasSize(255).endsWith("x…");
  }

  static final class TalkFixture {
    static Talk talk(String id, String title, String track, Instant start) {
      return new Talk(new TalkId(id), "", title, "", track, "devroom", "Room " + track, start,
          Duration.ofMinutes(30), "", List.of(new Person(new PersonId("p" + id),
          "Speaker " + id)), new SourceLocation("test.xml", 1));
    }

    static Conference conference(List<Talk> talks) {
      return new Conference("Test", "test", ZoneOffset.UTC, List.of(new Day(1,
          LocalDate.of(2026, 3, 14))), talks, "test.xml", List.of());
    }
  }

  @Test
  void anAliasHeldByAnEmptyRoomOfACutShortCreationIsTakenBack() {
    DesiredConference desired = DesiredState.of(conference("Rust", "1"), POLICY, Instant.EPOCH);
    String alias = desired.byKey().get(talk("1")).alias("test");
    homeserver.aliases.put(alias, "!empty:test");
    homeserver.deletable.add(alias);
    homeserver.creators.put("!empty:test", "@bot:test");

    Reconciler.Outcome outcome = reconciler.reconcileAll(desired, RemovalGuard.CONFIRMED);

    String room = reconciler.roomId(talk("1")).orElseThrow();
    assertThat(homeserver.resolveAlias(alias)).contains(room);
    assertThat(homeserver.calls).contains("deleteAlias " + alias, "leave !empty:test");
    assertThat(outcome.result().warnings()).anySatisfy(w -> assertThat(w)
        .contains("took " + alias + " back from !empty:test"));
  }

  @Test
  void anAliasOfSomeoneElsesRoomIsLeftAndTheRoomMadeWithoutIt() {
    DesiredConference desired = DesiredState.of(conference("Rust", "1"), POLICY, Instant.EPOCH);
    String alias = desired.byKey().get(talk("1")).alias("test");
    homeserver.aliases.put(alias, "!theirs:test");
    // As for a bot that is a server admin: it may delete any alias, so its creator decides.
    homeserver.deletable.add(alias);
    homeserver.creators.put("!theirs:test", "@org:test");

    Reconciler.Outcome outcome = reconciler.reconcileAll(desired, RemovalGuard.CONFIRMED);

    assertThat(homeserver.resolveAlias(alias)).contains("!theirs:test");
    assertThat(reconciler.roomId(talk("1"))).isPresent();
    assertThat(outcome.result().warnings()).anySatisfy(w -> assertThat(w)
        .contains("belongs to another room; created without an alias"));
  }

  @Test
  void trackRoomsLeftOutOfThePublicRoomListAreReportedWithTheSetting() {
    homeserver.publishes = false;
    DesiredConference desired = DesiredState.of(conference("Rust", "1"), POLICY, Instant.EPOCH);

    Reconciler.Outcome outcome = reconciler.reconcileAll(desired, RemovalGuard.CONFIRMED);

    assertThat(outcome.result().warnings()).singleElement().asString()
        .contains("not in the public room list").contains("room_list_publication_rules");
    homeserver.publishes = true;
  }

  @Test
  void aRoomMadeWithoutItsAliasGetsItBackOnTheNextApply() {
    DesiredConference desired = DesiredState.of(conference("Rust", "1"), POLICY, Instant.EPOCH);
    String alias = desired.byKey().get(talk("1")).alias("test");
    homeserver.aliases.put(alias, "!empty:test");
    reconciler.reconcileAll(desired, RemovalGuard.CONFIRMED);
    String room = reconciler.roomId(talk("1")).orElseThrow();
    assertThat(homeserver.resolveAlias(alias)).as("held, creator unknown, not deletable")
        .contains("!empty:test");

    homeserver.deletable.add(alias);
    homeserver.creators.put("!empty:test", "@bot:test");
    Reconciler.Outcome repair = reconciler.reconcileAll(desired, RemovalGuard.CONFIRMED);

    assertThat(repair.plan().actions()).singleElement()
        .isEqualTo(new Action.ClaimAlias(talk("1"), alias));
    assertThat(homeserver.resolveAlias(alias)).contains(room);
    assertThat(homeserver.getState(room, "m.room.canonical_alias", ""))
        .contains(Map.of("alias", alias));
    assertThat(reconciler.reconcileAll(desired, RemovalGuard.CONFIRMED).plan().actions())
        .isEmpty();
  }
}
