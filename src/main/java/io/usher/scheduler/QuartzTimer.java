package io.usher.scheduler;

import io.usher.lifecycle.PhaseEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Optional;
import java.util.Properties;
import java.util.function.Consumer;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
import org.quartz.ObjectAlreadyExistsException;
import org.quartz.Scheduler;
import org.quartz.SchedulerException;
import org.quartz.SimpleScheduleBuilder;
import org.quartz.Trigger;
import org.quartz.TriggerBuilder;
import org.quartz.TriggerKey;
import org.quartz.impl.StdSchedulerFactory;
import org.quartz.impl.matchers.GroupMatcher;

/**
 * One Quartz job per talk and phase, keyed {@code talkId.phase} in the conference's group, each
 * with a one-shot trigger at the phase's instant (mapped to the wall clock). The jobs only wake
 * the runner; what is due is decided from the schedule, so a lost or late firing loses nothing.
 * With a shared {@link Coordination} the jobs live in the database and fire on one bot of the
 * cluster, and a job running on a bot that dies is run again by another ({@code requestsRecovery}).
 */
final class QuartzTimer {
  private static final String AT = "at";

  private final String group;
  private final Clock clock;
  private final Consumer<Instant> onFire;
  private final Coordination coordination;
  /** Made by {@link #start}: creating a Quartz scheduler starts its threads. */
  private volatile Scheduler quartz;

  /** @param onFire called with the phase instant a job was scheduled for */
  QuartzTimer(String group, Clock clock, Consumer<Instant> onFire, Coordination coordination) {
    this.group = group;
    this.clock = clock;
    this.onFire = onFire;
    this.coordination = coordination;
  }

  /**
   * Creates the Quartz scheduler, schedules these phases (unless empty: a follower fires the
   * jobs its leader schedules) and starts firing.
   */
  void start(Optional<Collection<PhaseEvent>> pending) {
    Properties properties = new Properties();
    properties.putAll(coordination.quartzProperties());
    properties.setProperty("org.quartz.threadPool.threadCount", "2");
    properties.setProperty("org.quartz.scheduler.threadName", "usher-quartz-" + group);
    try {
      Scheduler created = new StdSchedulerFactory(properties).getScheduler();
      created.setJobFactory((bundle, scheduler) -> wake(onFire));
      quartz = created;
      if (pending.isPresent()) {
        sync(pending.get());
      }
      created.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the Quartz scheduler", e);
    }
  }

  private static Job wake(Consumer<Instant> onFire) {
    // A job recovered from a dead bot may come without its trigger's data: what is due now.
    return context -> onFire.accept(context.getMergedJobDataMap().containsKey(AT)
        ? Instant.ofEpochMilli(context.getMergedJobDataMap().getLong(AT)) : Instant.EPOCH);
  }

  /** Makes the jobs exactly these phases: new ones added, moved ones moved, others removed. */
  void sync(Collection<PhaseEvent> pending) {
    if (quartz == null) {
      throw new IllegalStateException("the timer is not started");
    }
    Map<String, PhaseEvent> wanted = new LinkedHashMap<>();
    pending.forEach(event -> wanted.put(event.jobName(), event));
    try {
      for (JobKey key : quartz.getJobKeys(GroupMatcher.jobGroupEquals(group))) {
        if (!wanted.containsKey(key.getName())) {
          quartz.deleteJob(key);
        }
      }
      for (PhaseEvent event : wanted.values()) {
        schedule(event);
      }
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot schedule the talks' phases", e);
    }
  }

  private void schedule(PhaseEvent event) throws SchedulerException {
    TriggerKey key = TriggerKey.triggerKey(event.jobName(), group);
    Trigger existing = quartz.getTrigger(key);
    long at = event.at().toEpochMilli();
    if (existing != null && existing.getJobDataMap().getLong(AT) == at) {
      return;
    }
    Trigger trigger = TriggerBuilder.newTrigger().withIdentity(key)
        .usingJobData(AT, at)
        .startAt(Date.from(ScaledClock.wallTimeOf(clock, event.at())))
        .withSchedule(SimpleScheduleBuilder.simpleSchedule()
            .withMisfireHandlingInstructionFireNow())
        .build();
    if (existing != null) {
      quartz.rescheduleJob(key, trigger);
      return;
    }
    JobDetail job = JobBuilder.newJob(Job.class).requestRecovery(coordination.shared())
        .withIdentity(JobKey.jobKey(event.jobName(), group)).build();
    try {
      quartz.scheduleJob(job, trigger);
    } catch (ObjectAlreadyExistsException e) {
      // Another bot scheduled it a moment ago: take this bot's time for it.
      quartz.rescheduleJob(key, trigger);
    }
  }

  /** The number of phases still scheduled. */
  int jobCount() {
    if (quartz == null) {
      return 0;
    }
    try {
      return quartz.getJobKeys(GroupMatcher.jobGroupEquals(group)).size();
    } catch (SchedulerException e) {
      throw new IllegalStateException(e);
    }
  }

  /** @param waitForJobs false to stop at once, as a crash would */
  void shutdown(boolean waitForJobs) {
    if (quartz == null) {
      return;
    }
    try {
      quartz.shutdown(waitForJobs);
    } catch (SchedulerException e) {
      throw new IllegalStateException(e);
    }
  }
}
