package io.usher.app.runtime;

import io.usher.app.config.StoreSettings;
import io.usher.commands.SyncCursor;
import io.usher.scheduler.SharedStore;
import java.time.Clock;
import java.time.Duration;
import java.util.Optional;
import java.util.UUID;
import java.util.concurrent.atomic.AtomicReference;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * This bot's place among its conference's bots on one database: the {@link SharedStore}, the
 * {@link Leadership}, the schedule version its leader follows and where the management room's
 * {@code /sync} got to. Made by {@link #open}; {@link LiveBot} does what each role asks.
 */
final class ClusterRole implements AutoCloseable {
  private static final Logger LOG = LoggerFactory.getLogger(ClusterRole.class);
  /** The schedule version the leader follows: a new value each time it follows a new one. */
  private static final String GENERATION = "schedule.generation";
  private static final String SINCE = "management_room.since";
  /**
   * How old a kept management-room position may be and still be gone on from: a bot taking over
   * answers what was sent since its leader died, not commands from yesterday.
   */
  static final Duration FRESH_CURSOR = Duration.ofMinutes(10);

  private final ClusterStore store;
  private final Leadership leadership;
  private final AtomicReference<String> seen = new AtomicReference<>("");

  private ClusterRole(ClusterStore store, Leadership leadership) {
    this.store = store;
    this.leadership = leadership;
  }

  /** Connects to the database and migrates its schema; asks nobody to lead yet. */
  static ClusterRole open(StoreSettings settings, String conferenceId) {
    ClusterStore store = ClusterStore.open(settings, conferenceId);
    return new ClusterRole(store, new Leadership(settings, conferenceId));
  }

  SharedStore shared() {
    return store.shared();
  }

  /** Tries once to lead; then {@link #watch} keeps trying. */
  boolean tryToLead() {
    boolean leads = leadership.tryOnce();
    if (leads || leaderHasStarted()) {
      LOG.info("bot {} starts as {}", shared().instanceId(), leads ? "leader" : "follower");
    }
    if (!leads) {
      seen.set(generation().orElse(""));
    }
    return leads;
  }

  /**
   * Whether this bot leads; as a follower, returns once a leader has brought the conference up
   * (two bots started at once: the follower reads the rooms after the leader made them).
   */
  boolean leadOrAwaitLeader() {
    boolean leads = tryToLead();
    while (!leads && !leaderHasStarted()) {
      try {
        Thread.sleep(Leadership.TRY_EVERY.toMillis());
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        throw new IllegalStateException("interrupted while waiting for the leader", e);
      }
      leads = tryToLead();
    }
    return leads;
  }

  /** Whether a leader has brought the conference up (now or in an earlier run). */
  boolean leaderHasStarted() {
    return generation().isPresent();
  }

  void watch(Leadership.Listener listener) {
    leadership.watch(listener);
  }

  boolean leading() {
    return leadership.leading();
  }

  /** {@code leader} or {@code follower}, as {@code /health} says it. */
  String role() {
    return leading() ? "leader" : "follower";
  }

  /** The leader tells the followers it follows a new version of the schedule. */
  void published() {
    String next = UUID.randomUUID().toString();
    seen.set(next);
    try {
      shared().put(GENERATION, next);
    } catch (RuntimeException e) {
      LOG.warn("cannot tell the other bots of the new schedule: {}", e.getMessage());
    }
  }

  /**
   * For a follower: whether its leader follows a version it has not taken yet; {@code take}
   * takes it (and is not called again for that version unless it throws).
   */
  void catchUp(Runnable take) {
    if (leading()) {
      return;
    }
    Optional<String> now = generation();
    if (now.isPresent() && !now.get().equals(seen.get())) {
      take.run();
      seen.set(now.get());
    }
  }

  private Optional<String> generation() {
    try {
      return shared().value(GENERATION);
    } catch (RuntimeException e) {
      LOG.warn("cannot read the schedule version of the other bots: {}", e.getMessage());
      return Optional.empty();
    }
  }

  /** The management room's position, kept in the database with the time it was kept. */
  SyncCursor cursor(Clock clock) {
    return new SyncCursor() {
      @Override
      public Optional<String> since() {
        try {
          return shared().value(SINCE).map(value -> value.split(" ", 2))
              .filter(kept -> kept.length == 2 && clock.millis() - Long.parseLong(kept[0])
                  < FRESH_CURSOR.toMillis())
              .map(kept -> kept[1]);
        } catch (RuntimeException e) {
          LOG.warn("cannot read where the management room got to: {}", e.getMessage());
          return Optional.empty();
        }
      }

      @Override
      public void save(String since) {
        try {
          shared().put(SINCE, clock.millis() + " " + since);
        } catch (RuntimeException e) {
          LOG.warn("cannot keep where the management room got to: {}", e.getMessage());
        }
      }
    };
  }

  @Override
  public void close() {
    leadership.close();
    store.close();
  }
}
