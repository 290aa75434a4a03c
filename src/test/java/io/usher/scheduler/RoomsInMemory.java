package io.usher.scheduler;

import io.usher.apply.Homeserver;
import io.usher.matrix.CreateRoomRequest;
import io.usher.matrix.RateLimitListener;
import io.usher.matrix.RoomEvent;
import io.usher.matrix.StateEvent;
import io.usher.matrix.SyncResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;

/**
 * Just enough of a homeserver, in memory, for the runner to read, create and update rooms:
 * state per room, returned by {@code /sync} and {@code /state}. Announcements go through the
 * {@link io.usher.apply.Announcer}'s own client, not through here.
 */
final class RoomsInMemory implements Homeserver {
  private final Map<String, Map<String, Map<String, Object>>> state = new ConcurrentHashMap<>();
  private final AtomicInteger next = new AtomicInteger();
  /** Runs at each {@code /sync}: a test makes start-up take time here. */
  volatile Runnable duringSync = () -> { };

  @Override
  public String createRoom(CreateRoomRequest request) {
    String id = "!r" + next.incrementAndGet() + ":test";
    Map<String, Map<String, Object>> room = new ConcurrentHashMap<>();
    room.put("m.room.name|", Map.of("name", request.name()));
    room.put("m.room.topic|", Map.of("topic", request.topic()));
    room.put("m.room.power_levels|", request.powerLevelContentOverride());
    for (StateEvent event : request.initialState()) {
      room.put(event.type() + "|" + event.stateKey(), event.content());
    }
    state.put(id, room);
    return id;
  }

  @Override
  public Optional<String> resolveAlias(String alias) {
    return Optional.empty();
  }

  @Override
  public Optional<Map<String, Object>> getState(String roomId, String type, String stateKey) {
    return Optional.ofNullable(state.getOrDefault(roomId, Map.of()).get(type + "|" + stateKey));
  }

  @Override
  public String putState(String roomId, String type, String stateKey,
      Map<String, Object> content) {
    state.computeIfAbsent(roomId, r -> new ConcurrentHashMap<>()).put(type + "|" + stateKey,
        content);
    return "$s" + next.incrementAndGet();
  }

  @Override
  public void invite(String roomId, String userId) {}

  @Override
  public String sendNotice(String roomId, String txnId, String body, String html) {
    return "$n" + next.incrementAndGet();
  }

  @Override
  public List<RoomEvent> roomState(String roomId) {
    List<RoomEvent> events = new ArrayList<>();
    state.getOrDefault(roomId, Map.of()).forEach((slot, content) -> {
      String[] parts = slot.split("\\|", 2);
      events.add(new RoomEvent("$s", parts[0], Optional.of(parts[1]), "@bot:test", 0, content));
    });
    return events;
  }

  @Override
  public SyncResponse sync(String filterJson, String since, Duration timeout) {
    duringSync.run();
    Map<String, SyncResponse.JoinedRoom> joined = new ConcurrentHashMap<>();
    state.forEach((id, room) -> {
      List<StateEvent> events = new ArrayList<>();
      room.forEach((slot, content) -> {
        String[] parts = slot.split("\\|", 2);
        events.add(new StateEvent(parts[0], parts[1], content));
      });
      joined.put(id, new SyncResponse.JoinedRoom(events, List.of(), Map.of()));
    });
    return new SyncResponse("s1", joined);
  }

  @Override
  public String defaultRoomVersion() {
    return "12";
  }

  @Override
  public Runnable addRateLimitListener(RateLimitListener listener) {
    return () -> { };
  }
}
