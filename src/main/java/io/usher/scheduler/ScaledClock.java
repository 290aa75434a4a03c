package io.usher.scheduler;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;

/**
 * A clock that runs from a chosen instant at a chosen speed: for rehearsing a conference (the
 * FOSDEM Saturday at real speed today) or running a day of it in a minute in tests. Quartz fires
 * on the wall clock, so every instant of this clock is mapped back with {@link #wallTimeOf}.
 */
public final class ScaledClock extends Clock {
  private final Clock wall;
  private final Instant wallOrigin;
  private final Instant origin;
  private final double speed;

  /**
   * @param wall the real clock
   * @param wallOrigin the wall-clock instant at which this clock reads {@code origin}
   * @param speed how many seconds of this clock pass per wall-clock second (positive)
   */
  public ScaledClock(Clock wall, Instant wallOrigin, Instant origin, double speed) {
    if (!(speed > 0)) {
      throw new IllegalArgumentException("speed must be positive: " + speed);
    }
    this.wall = wall;
    this.wallOrigin = wallOrigin;
    this.origin = origin;
    this.speed = speed;
  }

  /** A clock that reads {@code origin} now and runs {@code speed} times faster than real time. */
  public static ScaledClock startingAt(Instant origin, double speed) {
    Clock wall = Clock.systemUTC();
    return new ScaledClock(wall, wall.instant(), origin, speed);
  }

  public double speed() {
    return speed;
  }

  /**
   * This rehearsal's name, {@code rehearsal-<origin>-<wall origin>} in epoch seconds: the
   * announcements it makes are recorded and sent under it, so they stop neither the conference
   * on the day nor the next rehearsal of the same hours from announcing. Bots given the same
   * {@code --at} and {@code --at-wall} (or a bot restarted with them) share one rehearsal.
   */
  public String rehearsal() {
    return "rehearsal-" + origin.getEpochSecond() + "-" + wallOrigin.getEpochSecond();
  }

  @Override
  public Instant instant() {
    long elapsed = Duration.between(wallOrigin, wall.instant()).toNanos();
    return origin.plusNanos(Math.round(elapsed * speed));
  }

  /** The wall-clock instant at which this clock will read {@code instant}. */
  public Instant wallTimeOf(Instant instant) {
    long ahead = Duration.between(origin, instant).toNanos();
    return wallOrigin.plusNanos(Math.round(ahead / speed));
  }

  /**
   * The wall-clock instant at which any clock will read {@code instant}: exact for a scaled
   * clock, and for others assumes they run at real speed (the system clock, an offset clock).
   */
  static Instant wallTimeOf(Clock clock, Instant instant) {
    if (clock instanceof ScaledClock scaled) {
      return scaled.wallTimeOf(instant);
    }
    return Instant.now().plus(Duration.between(clock.instant(), instant));
  }

  /**
   * How late something due at {@code due} is now, for the grace: the time before this clock's
   * origin in this clock's time (a rehearsal starting there missed what fell due before), and
   * the time since in wall time, so the bot's own start-up and work are not multiplied by the
   * speed (28 s of start-up at 30x is 28 s late, not 14 minutes).
   */
  public Duration lateness(Instant due) {
    Instant counted = due.isBefore(origin) ? origin : due;
    Duration before = Duration.between(due, counted);
    return before.plus(Duration.between(wallTimeOf(counted), wall.instant()));
  }

  /**
   * How late something due at {@code due} is by {@code clock}: {@link #lateness(Instant)} for a
   * scaled clock, plain elapsed time for others.
   */
  static Duration lateness(Clock clock, Instant due) {
    if (clock instanceof ScaledClock scaled) {
      return scaled.lateness(due);
    }
    return Duration.between(due, clock.instant());
  }

  @Override
  public ZoneId getZone() {
    return ZoneOffset.UTC;
  }

  @Override
  public Clock withZone(ZoneId zone) {
    if (zone.equals(ZoneOffset.UTC)) {
      return this;
    }
    throw new UnsupportedOperationException("a scaled clock is UTC; convert instants instead");
  }
}
