package io.usher.apply;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.matrix.CreateRoomRequest;
import io.usher.matrix.MatrixException;
import io.usher.matrix.SyncFilter;
import io.usher.matrix.SyncResponse;
import java.lang.reflect.InvocationTargetException;
import java.lang.reflect.Proxy;
import java.time.Duration;
import java.util.List;
import java.util.Map;
import java.util.concurrent.atomic.AtomicInteger;
import org.junit.jupiter.api.Test;

/**
 * Reads that lag behind writes, as a Synapse worker's do before replication reaches it: the
 * first {@code stale} reads answer from before the writes.
 */
class ReadYourWritesTest {
  private final FakeHomeserver fake = new FakeHomeserver();
  private final AtomicInteger reads = new AtomicInteger();
  private final String filter = SyncFilter.state(List.of("m.room.topic")).json();

  /** The fake, whose sync and roomState answer as before any write for the first reads. */
  private Homeserver lagging(int stale) {
    SyncResponse before = fake.sync(filter, null, Duration.ZERO);
    return (Homeserver) Proxy.newProxyInstance(getClass().getClassLoader(),
        new Class<?>[] {Homeserver.class}, (proxy, method, args) -> {
          boolean read = method.getName().equals("sync") || method.getName().equals("roomState");
          if (read && reads.incrementAndGet() <= stale) {
            if (method.getName().equals("roomState")) {
              throw new MatrixException("GET /state", 403, "M_FORBIDDEN", "not in room", null);
            }
            return before;
          }
          try {
            return method.invoke(fake, args);
          } catch (InvocationTargetException e) {
            throw e.getCause();
          }
        });
  }

  private static CreateRoomRequest room(String name) {
    return new CreateRoomRequest("private_chat", "private", null, name, "topic", List.of(),
        Map.of(), List.of(), Map.of(), null);
  }

  @Test
  void aSyncMissingARoomJustCreatedIsReadAgainUntilItShowsIt() {
    Homeserver homeserver = new ReadYourWrites(lagging(2), Duration.ofSeconds(5),
        Duration.ofMillis(1));
    String roomId = homeserver.createRoom(room("Track"));
    assertThat(homeserver.sync(filter, null, Duration.ZERO).joined()).containsKey(roomId);
    assertThat(reads).hasValue(3);
  }

  @Test
  void aSyncShowingAnOlderTopicIsReadAgainUntilItShowsTheNewOne() {
    String roomId = fake.createRoom(room("Track"));
    Homeserver homeserver = new ReadYourWrites(lagging(3), Duration.ofSeconds(5),
        Duration.ofMillis(1));
    homeserver.putState(roomId, "m.room.topic", "", Map.of("topic", "moved to 11:00"));
    var state = homeserver.sync(filter, null, Duration.ZERO).joined().get(roomId).state();
    assertThat(state).anyMatch(e -> e.content().equals(Map.of("topic", "moved to 11:00")));
    assertThat(reads).hasValue(4);
  }

  @Test
  void aWriteOutsideTheFiltersTypesDoesNotHoldTheRead() {
    String roomId = fake.createRoom(room("Track"));
    Homeserver homeserver = new ReadYourWrites(lagging(5), Duration.ofSeconds(5),
        Duration.ofMillis(1));
    homeserver.putState(roomId, "m.room.name", "", Map.of("name", "Track A"));
    homeserver.sync(filter, null, Duration.ZERO);
    assertThat(reads).hasValue(1);
  }

  @Test
  void withNothingWrittenOneReadIsAll() {
    Homeserver homeserver = new ReadYourWrites(lagging(5), Duration.ofSeconds(5),
        Duration.ofMillis(1));
    homeserver.sync(filter, null, Duration.ZERO);
    assertThat(reads).hasValue(1);
  }

  @Test
  void aReadThatNeverCatchesUpIsTakenAsItIsAfterThePatience() {
    Homeserver homeserver = new ReadYourWrites(lagging(Integer.MAX_VALUE), Duration.ofMillis(200),
        Duration.ofMillis(10));
    String roomId = homeserver.createRoom(room("Track"));
    assertThat(homeserver.sync(filter, null, Duration.ZERO).joined()).doesNotContainKey(roomId);
    int afterPatience = reads.get();
    assertThat(afterPatience).isBetween(5, 40);
    homeserver.sync(filter, null, Duration.ZERO);
    assertThat(reads).hasValue(afterPatience + 1);
  }

  @Test
  void aRoomsStateRefusedRightAfterItsCreationIsReadAgain() {
    Homeserver homeserver = new ReadYourWrites(lagging(2), Duration.ofSeconds(5),
        Duration.ofMillis(1));
    String roomId = homeserver.createRoom(room("Track"));
    assertThat(homeserver.roomState(roomId)).isNotEmpty();
    assertThat(reads).hasValue(3);
  }

  @Test
  void aRoomsStateRefusedWithNothingWrittenThereIsTheAnswer() {
    String roomId = fake.createRoom(room("Track"));
    Homeserver homeserver = new ReadYourWrites(lagging(1), Duration.ofSeconds(5),
        Duration.ofMillis(1));
    homeserver.createRoom(room("Other"));
    org.assertj.core.api.Assertions.assertThatThrownBy(() -> homeserver.roomState(roomId))
        .isInstanceOf(MatrixException.class);
    assertThat(reads).hasValue(1);
  }
}
