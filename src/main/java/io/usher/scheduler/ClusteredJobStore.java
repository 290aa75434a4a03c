package io.usher.scheduler;

import org.quartz.impl.jdbcjobstore.JobStoreTX;
import org.quartz.impl.jdbcjobstore.SchedulerStateRecord;

/**
 * Quartz's {@link JobStoreTX} taking a silent bot's jobs over sooner. Quartz declares a bot
 * failed 7.5 s after it missed a check-in, on top of the interval, so failover took 10 s or
 * more with any interval; Usher's goal is under 10 s. Here the grace is
 * {@code org.quartz.jobStore.takeoverGraceMillis} (Usher sets the check-in interval). A false
 * detection (a bot stalled longer than that) makes at most a double firing, which the phase
 * claims absorb.
 */
public final class ClusteredJobStore extends JobStoreTX {
  /** Quartz's own grace, in {@code JobStoreSupport.calcFailedIfAfter} (Quartz 2.5.0). */
  private static final long QUARTZ_GRACE_MILLIS = 7500;
  private long takeoverGraceMillis = QUARTZ_GRACE_MILLIS;

  /** Set by Quartz from {@code org.quartz.jobStore.takeoverGraceMillis}, in milliseconds. */
  public void setTakeoverGraceMillis(long millis) {
    this.takeoverGraceMillis = millis;
  }

  @Override
  protected long calcFailedIfAfter(SchedulerStateRecord record) {
    return super.calcFailedIfAfter(record) - QUARTZ_GRACE_MILLIS + takeoverGraceMillis;
  }
}
