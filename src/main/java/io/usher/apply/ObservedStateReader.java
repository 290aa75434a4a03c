package io.usher.apply;

import io.usher.matrix.MatrixException;
import io.usher.matrix.RoomEvent;
import io.usher.matrix.StateEvent;
import io.usher.matrix.SyncFilter;
import io.usher.matrix.SyncResponse;
import io.usher.plan.Locator;
import io.usher.plan.RoomKey;
import io.usher.plan.StateTypes;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.ObservedRoom;
import io.usher.plan.diff.StateSlot;
import io.usher.plan.people.PeopleRecord;
import java.time.Duration;
import java.util.ArrayList;
import java.time.Instant;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.stream.Collectors;

/**
 * Reads the state of every managed room with one {@code /sync} whose filter keeps only the state
 * types the planner compares (https://spec.matrix.org/latest/client-server-api/#filtering), so a
 * 1000-room conference costs one request, not one per room.
 */
public final class ObservedStateReader {
  static final List<String> STATE_TYPES = List.of(Locator.TYPE, StateTypes.NAME, StateTypes.TOPIC,
      StateTypes.JOIN_RULES, StateTypes.HISTORY_VISIBILITY, StateTypes.GUEST_ACCESS,
      StateTypes.POWER_LEVELS, StateTypes.SPACE_CHILD, StateTypes.SPACE_PARENT,
      PeopleRecord.TYPE, StateTypes.WIDGET, StateTypes.WIDGET_LAYOUT, StateTypes.CLOSED,
      StateTypes.CANONICAL_ALIAS);

  /** Which types a {@link Reading} holds: one made with other types is not used. */
  static final String FILTER_KEY = String.join(",", STATE_TYPES) + "|" + Announcer.RECORD_TYPE;

  /**
   * Past this many rooms created since the last reading, a full read is cheaper than the
   * changes: Synapse sends each room joined since a token with its whole state, and builds such
   * an answer more slowly than a full one (FOSDEM 2021's 1109 rooms: 22.5 s against 6-9 s).
   */
  static final int MANY_NEW_ROOMS = 100;

  private final Homeserver client;
  private final Duration catchUp;
  private final ReadingStore store;
  /** The last reading this process made; before the first, the store's. */
  private volatile Reading last;
  private volatile ReadKind lastKind = ReadKind.NONE;

  /** How the last {@link #snapshot} read the homeserver. */
  public enum ReadKind {
    /** No read yet. */
    NONE,
    /** Every room: no reading was kept, or the homeserver refused its token. */
    FULL,
    /** Only the changes since the last reading ({@code since}). */
    CHANGES
  }

  /** @param client the homeserver to read, fully each time; nothing is read until asked */
  public ObservedStateReader(Homeserver client) {
    this(client, Duration.ofSeconds(2), ReadingStore.none());
  }

  /**
   * @param catchUp how long {@link #caughtUp} reads again for a room the directory names but
   *     the read misses: replication between Synapse workers takes milliseconds when healthy
   * @param store where the last reading is kept between processes, so that a read asks only
   *     for the changes since it
   */
  public ObservedStateReader(Homeserver client, Duration catchUp, ReadingStore store) {
    this.client = client;
    this.catchUp = catchUp;
    this.store = store;
  }

  /** The rooms the bot has joined whose locator names {@code conferenceId}. */
  public ObservedConference read(String conferenceId) {
    return snapshot(conferenceId).rooms();
  }

  /**
   * The rooms the bot has joined whose locator names {@code conferenceId}, and the announcement
   * records in their account data, from one {@code /sync}: the changes since the last reading
   * (this process's, or the store's), or, without one or when the homeserver refuses its
   * token, everything.
   */
  public Snapshot snapshot(String conferenceId) {
    Reading reading = read();
    last = reading;
    store.save(reading);
    return snapshotOf(reading, conferenceId);
  }

  private Reading read() {
    Optional<Reading> kept = Optional.ofNullable(last).or(store::load)
        .filter(reading -> reading.filterKey().equals(FILTER_KEY));
    if (kept.isPresent()) {
      try {
        SyncResponse changes = client.sync(filter(), kept.get().nextBatch(), Duration.ZERO);
        Reading reading = kept.get().plus(changes).within(client.joinedRooms(), changes);
        lastKind = ReadKind.CHANGES;
        return reading;
      } catch (MatrixException refused) {
        // An expired token, or one from before the homeserver's database was replaced.
      }
    }
    Reading reading = Reading.of(FILTER_KEY, client.sync(filter(), null, Duration.ZERO));
    lastKind = ReadKind.FULL;
    return reading;
  }

  /**
   * Drops the last reading, here and in the store, so that the next read is a full one: for
   * after creating more than {@link #MANY_NEW_ROOMS} rooms.
   */
  void forgetReading() {
    last = null;
    store.forget();
  }

  /** How the last {@link #snapshot} read. */
  public ReadKind lastRead() {
    return lastKind;
  }

  private static Snapshot snapshotOf(Reading reading, String conferenceId) {
    List<ObservedRoom> rooms = new ArrayList<>();
    Map<String, Map<String, Object>> records = new HashMap<>();
    reading.state().forEach((roomId, events) -> {
      Map<StateSlot, Map<String, Object>> state = new HashMap<>();
      for (StateEvent event : events) {
        state.put(new StateSlot(event.type(), event.stateKey()), event.content());
      }
      Map<String, Object> locator = state.get(new StateSlot(Locator.TYPE, ""));
      if (locator != null) {
        Locator.parse(locator).ifPresent(key -> rooms.add(new ObservedRoom(key, roomId, state)));
        Optional.ofNullable(reading.records().get(roomId))
            .ifPresent(record -> records.put(roomId, record));
      }
    });
    ObservedConference conference = ObservedConference.of(conferenceId, rooms);
    records.keySet().removeIf(roomId -> conference.keyOf(roomId).isEmpty());
    return new Snapshot(conference, records);
  }

  /**
   * {@code first}, read again while it misses a room that one of {@code aliases}
   * already names in the room directory: such a read came from a Synapse worker behind the one
   * that just created the room (another process's apply, a moment ago). Read again every
   * 250 ms for at most the catch-up time (2 s by default); an alias naming a room the bot is
   * not in (squatted, or left empty by a cut-short creation) costs only that wait.
   *
   * @param aliases full aliases ({@code #local:server}) of rooms the first read did not find,
   *     a few: each costs a {@code GET /directory/room/{alias}}
   */
  public Snapshot caughtUp(Snapshot first, String conferenceId, List<String> aliases) {
    Set<String> seen = first.rooms().rooms().stream().map(ObservedRoom::roomId)
        .collect(Collectors.toSet());
    Set<String> named = new HashSet<>();
    aliases.forEach(alias -> client.resolveAlias(alias).filter(id -> !seen.contains(id))
        .ifPresent(named::add));
    Snapshot read = first;
    Instant giveUp = Instant.now().plus(catchUp);
    while (!named.isEmpty() && Instant.now().isBefore(giveUp)
        && Pause.sleep(Duration.ofMillis(250))) {
      read = snapshot(conferenceId);
      read.rooms().rooms().forEach(room -> named.remove(room.roomId()));
    }
    return read;
  }

  /** One room's current state, read with {@code GET /rooms/{roomId}/state}. */
  public ObservedRoom room(RoomKey key, String roomId) {
    Map<StateSlot, Map<String, Object>> state = new HashMap<>();
    for (RoomEvent event : client.roomState(roomId)) {
      event.stateKey().filter(k -> STATE_TYPES.contains(event.type()))
          .ifPresent(k -> state.put(new StateSlot(event.type(), k), event.content()));
    }
    return new ObservedRoom(key, roomId, state);
  }

  /** Only room state of our types and our announcement records; see {@link SyncFilter}. */
  static String filter() {
    return SyncFilter.state(STATE_TYPES).withRoomAccountData(List.of(Announcer.RECORD_TYPE))
        .json();
  }
}
