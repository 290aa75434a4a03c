package io.usher.scheduler;

import io.usher.lifecycle.PhaseEvent;
import java.time.Clock;
import java.time.Instant;
import java.util.Collection;
import java.util.Date;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Properties;
import java.util.UUID;
import java.util.function.Consumer;
import org.quartz.Job;
import org.quartz.JobBuilder;
import org.quartz.JobDetail;
import org.quartz.JobKey;
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
 */
final class QuartzTimer {
  private static final String AT = "at";

  private final String group;
  private final Clock clock;
  private final Consumer<Instant> onFire;
  /** Made by {@link #start}: creating a Quartz scheduler starts its threads. */
  private volatile Scheduler quartz;

  /** @param onFire called with the phase instant a job was scheduled for */
  QuartzTimer(String group, Clock clock, Consumer<Instant> onFire) {
    this.group = group;
    this.clock = clock;
    this.onFire = onFire;
  }

  /** Creates the Quartz scheduler, schedules these phases and starts firing. */
  void start(Collection<PhaseEvent> pending) {
    Properties properties = new Properties();
    // Instance names are registered JVM-wide by Quartz; two bots in one JVM (tests) need two.
    properties.setProperty("org.quartz.scheduler.instanceName", "usher-" + UUID.randomUUID());
    properties.setProperty("org.quartz.threadPool.threadCount", "2");
    properties.setProperty("org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
    properties.setProperty("org.quartz.scheduler.threadName", "usher-quartz-" + group);
    try {
      Scheduler created = new StdSchedulerFactory(properties).getScheduler();
      created.setJobFactory((bundle, scheduler) -> wake(onFire));
      quartz = created;
      sync(pending);
      created.start();
    } catch (SchedulerException e) {
      throw new IllegalStateException("cannot start the Quartz scheduler", e);
    }
  }

  private static Job wake(Consumer<Instant> onFire) {
    return context -> onFire.accept(
        Instant.ofEpochMilli(context.getMergedJobDataMap().getLong(AT)));
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
    JobDetail job = JobBuilder.newJob(Job.class)
        .withIdentity(JobKey.jobKey(event.jobName(), group)).build();
    quartz.scheduleJob(job, trigger);
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
