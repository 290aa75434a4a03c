package io.usher.app.runtime;

import io.usher.commands.ManagementRoom;
import io.usher.commands.UntrustedRoomException;
import java.time.Duration;
import java.util.Optional;
import java.util.concurrent.ScheduledExecutorService;
import java.util.concurrent.ScheduledFuture;
import java.util.concurrent.TimeUnit;
import java.util.function.Supplier;

/**
 * What one bot of a conference does at a time (the one bot, or the leader of several): answers
 * the management room and refreshes the schedule every {@code refresh_every}. Run on one thread
 * of their own, which also runs the changes of role, so a take-over and a step-down never
 * overlap.
 */
final class LeaderDuties implements AutoCloseable {
  private final ScheduledExecutorService thread = DaemonThreads.scheduler("usher-schedule-refresh");
  private final Supplier<Optional<ManagementRoom>> opener;
  private final Runnable refresh;
  private final Duration refreshEvery;
  private volatile ScheduledFuture<?> refreshing;
  private volatile Optional<ManagementRoom> room = Optional.empty();

  /**
   * @param opener joins (or makes) the management room, when one is configured
   * @param refresh one schedule refresh; never throws
   */
  LeaderDuties(Supplier<Optional<ManagementRoom>> opener, Runnable refresh,
      Duration refreshEvery) {
    this.opener = opener;
    this.refresh = refresh;
    this.refreshEvery = refreshEvery;
  }

  /**
   * Joins the management room, without listening yet.
   *
   * @throws UntrustedRoomException when the room under the alias could be anyone's
   */
  void openRoom() {
    room = opener.get();
  }

  /** Listens to the management room and starts the periodic refresh. */
  void begin() {
    room.ifPresent(ManagementRoom::start);
    long every = refreshEvery.toMillis();
    refreshing = thread.scheduleWithFixedDelay(refresh, every, every, TimeUnit.MILLISECONDS);
  }

  /** Whether the duties are being done here. */
  boolean running() {
    return refreshing != null;
  }

  /** Stops listening and refreshing (another bot does them now). */
  void end() {
    if (refreshing != null) {
      refreshing.cancel(false);
      refreshing = null;
    }
    room.ifPresent(ManagementRoom::close);
    room = Optional.empty();
  }

  /** Runs {@code task} on the duties' thread, after {@code delay}. */
  void later(Runnable task, Duration delay) {
    thread.schedule(task, delay.toMillis(), TimeUnit.MILLISECONDS);
  }

  /** A notice in the management room, when one is open here. Never throws. */
  void notice(String line) {
    room.ifPresent(r -> r.notice(line));
  }

  Optional<String> roomId() {
    return room.map(ManagementRoom::roomId);
  }

  @Override
  public void close() {
    thread.shutdownNow();
    room.ifPresent(ManagementRoom::close);
  }
}
