package io.usher.scheduler;

import io.usher.lifecycle.LifecyclePolicy;
import io.usher.plan.Policy;
import java.time.Clock;

/**
 * What a {@link LifecycleRunner} needs besides its collaborators.
 *
 * @param clock every time decision reads this clock (a {@link ScaledClock} in rehearsals)
 * @param parallelism how many tracks are worked on at once when phases fall together
 */
public record RunnerSettings(Clock clock, Policy policy, LifecyclePolicy lifecycle,
    int parallelism) {

  /** Empty for the conference itself; on a rehearsal's clock, its name. */
  public String rehearsal() {
    return clock instanceof ScaledClock scaled ? scaled.rehearsal() : "";
  }
}
