package io.usher.scheduler;

import java.util.Collection;
import java.util.Map;
import java.util.Set;
import java.util.UUID;

/** {@link Coordination#alone()}: one bot, its jobs in Quartz's RAMJobStore. */
final class Alone implements Coordination {
  private volatile boolean paused;

  @Override
  public Claims claim(Collection<String> recordIds) {
    return new Claims(Set.copyOf(recordIds), Set.of());
  }

  @Override
  public void settle(String recordId, String status) {}

  @Override
  public void release() {}

  @Override
  public boolean paused() {
    return paused;
  }

  @Override
  public void paused(boolean paused) {
    this.paused = paused;
  }

  @Override
  public Map<String, String> quartzProperties() {
    // Instance names are registered JVM-wide by Quartz; two bots in one JVM (tests) need two.
    return Map.of("org.quartz.scheduler.instanceName", "usher-" + UUID.randomUUID(),
        "org.quartz.jobStore.class", "org.quartz.simpl.RAMJobStore");
  }

  @Override
  public boolean shared() {
    return false;
  }
}
