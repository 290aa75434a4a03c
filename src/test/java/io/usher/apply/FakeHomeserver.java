package io.usher.apply;

import io.usher.matrix.CreateRoomRequest;
import io.usher.matrix.MatrixException;
import io.usher.matrix.RateLimitListener;
import io.usher.matrix.RoomEvent;
import io.usher.matrix.StateEvent;
import io.usher.matrix.SyncResponse;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.function.Predicate;

/**
 * A homeserver in memory for executor and reconciler tests: rooms with their state, every call
 * recorded in order, and chosen calls refused.
 */
public final class FakeHomeserver implements Homeserver {
  final Map<String, Map<String, Map<String, Object>>> state = new ConcurrentHashMap<>();
  final Map<String, CreateRoomRequest> created = new ConcurrentHashMap<>();
  final List<String> calls = Collections.synchronizedList(new ArrayList<>());
  private final AtomicInteger next = new AtomicInteger();
  /** Refuses createRoom for requests matching it, with a 500. */
  volatile Predicate<CreateRoomRequest> refuseCreate = request -> false;
  /** Refuses invites of these users with a 403, as a server whose policy forbids them. */
  volatile Predicate<String> refuseInvite = user -> false;
  /** Room aliases ({@code #local:test}) and the rooms they point at. */
  final Map<String, String> aliases = new ConcurrentHashMap<>();
  /** The aliases the bot may delete (it created them). */
  final Set<String> deletable = ConcurrentHashMap.newKeySet();
  /** Whether a room created with visibility public is listed, as Synapse's rules decide. */
  volatile boolean publishes = true;
  private final Set<String> listed = ConcurrentHashMap.newKeySet();
  /** Runs at each {@code /sync}: a test makes start-up take time here. */
  public volatile Runnable duringSync = () -> { };
  /** Runs inside each createRoom, before it answers (to hold two creations in flight). */
  volatile Runnable duringCreate = () -> { };

  @Override
  public String createRoom(CreateRoomRequest request) {
    calls.add("createRoom " + request.name());
    duringCreate.run();
    if (refuseCreate.test(request)) {
      throw new MatrixException("POST /createRoom", 500, "M_UNKNOWN", "refused", null);
    }
    String alias = request.roomAliasName() == null ? null
        : "#" + request.roomAliasName() + ":test";
    if (alias != null && aliases.containsKey(alias)) {
      throw new MatrixException("POST /createRoom", 400, "M_ROOM_IN_USE", "alias taken", null);
    }
    String id = "!r" + next.incrementAndGet() + ":test";
    if (alias != null) {
      aliases.put(alias, id);
      deletable.add(alias);
    }
    if (publishes && "public".equals(request.visibility())) {
      listed.add(id);
    }
    Map<String, Map<String, Object>> room = new ConcurrentHashMap<>();
    // As Synapse does: name, topic and power levels from the request's own fields.
    room.put("m.room.name|", Map.of("name", request.name()));
    room.put("m.room.topic|", Map.of("topic", request.topic()));
    room.put("m.room.power_levels|", request.powerLevelContentOverride());
    for (StateEvent event : request.initialState()) {
      room.put(event.type() + "|" + event.stateKey(), event.content());
    }
    if (alias != null) {
      room.put("m.room.canonical_alias|", Map.of("alias", alias));
    }
    state.put(id, room);
    created.put(id, request);
    return id;
  }

  @Override
  public Optional<String> resolveAlias(String alias) {
    return Optional.ofNullable(aliases.get(alias));
  }

  @Override
  public boolean deleteAlias(String alias) {
    calls.add("deleteAlias " + alias);
    return deletable.remove(alias) && aliases.remove(alias) != null;
  }

  /** Rooms' creators, where a test says; others unknown. */
  final Map<String, String> creators = new ConcurrentHashMap<>();

  @Override
  public Optional<String> roomCreator(String roomId) {
    return Optional.ofNullable(creators.get(roomId));
  }

  @Override
  public void putAlias(String alias, String roomId) {
    calls.add("putAlias " + alias);
    if (aliases.putIfAbsent(alias, roomId) != null) {
      throw new MatrixException("PUT /directory/room", 409, "M_UNKNOWN", "exists", null);
    }
    deletable.add(alias);
  }

  @Override
  public Optional<Boolean> isPublished(String roomId) {
    return Optional.of(listed.contains(roomId));
  }

  @Override
  public void leave(String roomId) {
    calls.add("leave " + roomId);
  }

  @Override
  public Optional<Map<String, Object>> getState(String roomId, String type, String stateKey) {
    return Optional.ofNullable(state.getOrDefault(roomId, Map.of()).get(type + "|" + stateKey));
  }

  @Override
  public String putState(String roomId, String type, String stateKey,
      Map<String, Object> content) {
    calls.add("putState " + roomId + " " + type + " " + stateKey);
    state.computeIfAbsent(roomId, r -> new ConcurrentHashMap<>()).put(type + "|" + stateKey,
        content);
    return "$e" + next.incrementAndGet();
  }

  @Override
  public void invite(String roomId, String userId) {
    calls.add("invite " + roomId + " " + userId);
    Object membership = getState(roomId, "m.room.member", userId)
        .map(m -> m.get("membership")).orElse(null);
    if ("join".equals(membership)) {
      // As Synapse answers; its English text is not to be relied on.
      throw new MatrixException("POST /invite", 403, "M_FORBIDDEN", userId + " is in the room",
          null);
    }
    if (refuseInvite.test(userId)) {
      throw new MatrixException("POST /invite", 403, "M_FORBIDDEN", "not allowed", null);
    }
  }

  @Override
  public String sendNotice(String roomId, String txnId, String body, String html) {
    calls.add("sendNotice " + roomId + " " + txnId);
    return "$n" + next.incrementAndGet();
  }

  @Override
  public List<RoomEvent> roomState(String roomId) {
    calls.add("roomState " + roomId);
    List<RoomEvent> events = new ArrayList<>();
    state.getOrDefault(roomId, Map.of()).forEach((slot, content) -> {
      String[] parts = slot.split("\\|", 2);
      events.add(new RoomEvent("$s", parts[0], Optional.of(parts[1]), "@bot:test", 0, content));
    });
    return events;
  }

  @Override
  public SyncResponse sync(String filterJson, String since, Duration timeout) {
    calls.add("sync");
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
  public Set<String> joinedRooms() {
    calls.add("joinedRooms");
    return Set.copyOf(state.keySet());
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
