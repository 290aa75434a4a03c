package io.usher.scheduler;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.time.Clock;
import java.time.Duration;
import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.ValueSource;

/** A rehearsal clock: where it starts, how fast it runs, and how it maps back to wall time. */
final class ScaledClockTest {
  static final Instant WALL = Instant.parse("2026-05-01T12:00:00Z");
  static final Instant FOSDEM_SATURDAY = Instant.parse("2021-02-06T08:00:00Z");

  /** A wall clock the test moves by hand, so elapsed time is exact. */
  static final class Wall extends Clock {
    Instant now;

    Wall() {
      this(WALL);
    }

    /** @param now where it starts: today's time when a real Quartz timer is to run on it */
    Wall(Instant now) {
      this.now = now;
    }

    void advance(Duration by) {
      now = now.plus(by);
    }

    @Override
    public Instant instant() {
      return now;
    }

    @Override
    public ZoneId getZone() {
      return ZoneOffset.UTC;
    }

    @Override
    public Clock withZone(ZoneId zone) {
      throw new UnsupportedOperationException();
    }
  }

  final Wall wall = new Wall();

  @Test
  void aRehearsalIsNamedByWhereAndWhenItsClockStarts() {
    ScaledClock clock = new ScaledClock(wall, WALL, FOSDEM_SATURDAY, 30);

    assertThat(clock.rehearsal()).isEqualTo("rehearsal-" + FOSDEM_SATURDAY.getEpochSecond()
        + "-" + WALL.getEpochSecond());
    assertThat(new ScaledClock(wall, WALL, FOSDEM_SATURDAY, 30).rehearsal())
        .as("bots given the same --at and --at-wall").isEqualTo(clock.rehearsal());
    assertThat(new ScaledClock(wall, WALL.plusSeconds(60), FOSDEM_SATURDAY, 30).rehearsal())
        .as("the same hours rehearsed again a minute later").isNotEqualTo(clock.rehearsal());
    assertThat(new RunnerSettings(Clock.systemUTC(), null, null, 1).rehearsal())
        .as("the conference itself").isEmpty();
    assertThat(new RunnerSettings(clock, null, null, 1).rehearsal())
        .isEqualTo(clock.rehearsal());
  }

  @Test
  void latenessCountsRehearsalTimeBeforeTheOriginAndWallTimeAfterIt() {
    ScaledClock clock = new ScaledClock(wall, WALL, FOSDEM_SATURDAY, 30);
    wall.advance(Duration.ofSeconds(28));

    assertThat(clock.lateness(FOSDEM_SATURDAY)).isEqualTo(Duration.ofSeconds(28));
    assertThat(clock.lateness(FOSDEM_SATURDAY.minus(Duration.ofMinutes(5))))
        .isEqualTo(Duration.ofMinutes(5).plusSeconds(28));
    assertThat(clock.lateness(FOSDEM_SATURDAY.plus(Duration.ofMinutes(5))))
        .as("due 10 s of wall time after the origin").isEqualTo(Duration.ofSeconds(18));
    assertThat(ScaledClock.lateness(Clock.fixed(FOSDEM_SATURDAY, ZoneOffset.UTC),
        FOSDEM_SATURDAY.minusSeconds(90))).isEqualTo(Duration.ofSeconds(90));
  }

  @Test
  void readsItsOriginAtItsWallOrigin() {
    ScaledClock clock = new ScaledClock(wall, WALL, FOSDEM_SATURDAY, 60);

    assertThat(clock.instant()).isEqualTo(FOSDEM_SATURDAY);
    assertThat(clock.millis()).isEqualTo(FOSDEM_SATURDAY.toEpochMilli());
  }

  @Test
  void runsSpeedTimesFasterThanTheWall() {
    ScaledClock clock = new ScaledClock(wall, WALL, FOSDEM_SATURDAY, 60);

    wall.advance(Duration.ofSeconds(1));
    assertThat(clock.instant()).isEqualTo(FOSDEM_SATURDAY.plusSeconds(60));
    wall.advance(Duration.ofMinutes(10));
    assertThat(clock.instant())
        .isEqualTo(FOSDEM_SATURDAY.plus(Duration.ofHours(10)).plusSeconds(60));
  }

  @Test
  void atSpeedOneItIsTheWallShifted() {
    ScaledClock clock = new ScaledClock(wall, WALL, FOSDEM_SATURDAY, 1);

    wall.advance(Duration.ofMillis(1234));
    assertThat(clock.instant()).isEqualTo(FOSDEM_SATURDAY.plusMillis(1234));
  }

  @Test
  void slowerThanRealTimeWorksToo() {
    ScaledClock clock = new ScaledClock(wall, WALL, FOSDEM_SATURDAY, 0.5);

    wall.advance(Duration.ofSeconds(3));
    assertThat(clock.instant()).isEqualTo(FOSDEM_SATURDAY.plusMillis(1500));
  }

  @Test
  void neverGoesBackwardsWhileTheWallMovesOn() {
    ScaledClock clock = new ScaledClock(wall, WALL, FOSDEM_SATURDAY, 1440);
    Instant previous = clock.instant();
    for (int i = 0; i < 1000; i++) {
      wall.advance(Duration.ofNanos(i * 7919L));
      Instant now = clock.instant();
      assertThat(now).isAfterOrEqualTo(previous);
      previous = now;
    }
  }

  @Test
  void wallTimeOfAnInstantIsWhenTheClockReadsIt() {
    ScaledClock clock = new ScaledClock(wall, WALL, FOSDEM_SATURDAY, 60);
    Instant talkEnds = FOSDEM_SATURDAY.plus(Duration.ofHours(1));

    Instant when = clock.wallTimeOf(talkEnds);
    assertThat(when).isEqualTo(WALL.plusSeconds(60));
    wall.now = when;
    assertThat(clock.instant()).isEqualTo(talkEnds);
    // Instants before the origin map before the wall origin: they are already past.
    assertThat(clock.wallTimeOf(FOSDEM_SATURDAY.minusSeconds(600)))
        .isEqualTo(WALL.minusSeconds(10));
  }

  @Test
  void anyClockMapsToWallTimeThroughTheScaledOneIfItIsOne() {
    ScaledClock scaled = new ScaledClock(wall, WALL, FOSDEM_SATURDAY, 60);

    assertThat(ScaledClock.wallTimeOf((Clock) scaled, FOSDEM_SATURDAY.plusSeconds(600)))
        .isEqualTo(WALL.plusSeconds(10));
  }

  @Test
  void anOffsetClockIsAssumedToRunAtRealSpeed() {
    Clock anHourAhead = Clock.offset(Clock.systemUTC(), Duration.ofHours(1));
    Instant before = Instant.now();

    Instant wallTime = ScaledClock.wallTimeOf(anHourAhead, anHourAhead.instant().plusSeconds(60));

    assertThat(wallTime).isBetween(before.plusSeconds(59), Instant.now().plusSeconds(61));
  }

  @Test
  void startingAtReadsTheOriginNowAndRunsFromThere() {
    ScaledClock clock = ScaledClock.startingAt(FOSDEM_SATURDAY, 2);

    assertThat(clock.speed()).isEqualTo(2);
    // The system clock moved a little between construction and reading; at most a few seconds.
    assertThat(clock.instant()).isBetween(FOSDEM_SATURDAY, FOSDEM_SATURDAY.plusSeconds(10));
  }

  @ParameterizedTest
  @ValueSource(doubles = {0, -1, Double.NaN})
  void aSpeedThatIsNotPositiveIsRefused(double speed) {
    assertThatThrownBy(() -> new ScaledClock(wall, WALL, FOSDEM_SATURDAY, speed))
        .isInstanceOf(IllegalArgumentException.class).hasMessageContaining("speed");
  }

  @Test
  void isUtcAndRefusesOtherZones() {
    ScaledClock clock = new ScaledClock(wall, WALL, FOSDEM_SATURDAY, 1);

    assertThat(clock.getZone()).isEqualTo(ZoneOffset.UTC);
    assertThat(clock.withZone(ZoneOffset.UTC)).isSameAs(clock);
    assertThatThrownBy(() -> clock.withZone(ZoneId.of("Europe/Brussels")))
        .isInstanceOf(UnsupportedOperationException.class);
  }
}
