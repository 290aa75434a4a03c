package io.usher.app.runtime;

import io.usher.app.config.BadInputException;
import io.usher.app.config.Settings;
import io.usher.plan.Policy;
import io.usher.plan.diff.RemovalGuard;
import io.usher.plan.diff.RemovalRefusedException;
import io.usher.schedule.Conference;
import io.usher.schedule.People;
import io.usher.schedule.source.ScheduleSource;
import io.usher.scheduler.LifecycleRunner;
import java.util.Optional;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;
import java.util.function.Supplier;
import org.slf4j.Logger;
import org.slf4j.LoggerFactory;

/**
 * The versions of the schedule a running bot follows: read again with the people file from one
 * source (so an unchanged schedule URL costs a 304), handed to the lifecycle runner, and, when
 * the version followed changed, published to the conference's other bots.
 */
final class ScheduleVersions {
  private static final Logger LOG = LoggerFactory.getLogger(ScheduleVersions.class);

  private final Settings settings;
  private final BotSession session;
  private final ScheduleSource source;
  private final Optional<ClusterRole> cluster;
  private final Consumer<String> tellOrganisers;
  /** The last refusal told to the organisers, so a refused version is told once, not hourly. */
  private final AtomicReference<String> refusalTold = new AtomicReference<>("");

  ScheduleVersions(Settings settings, BotSession session, Optional<ClusterRole> cluster,
      Consumer<String> tellOrganisers) {
    this.settings = settings;
    this.session = session;
    this.source = Schedules.source(settings);
    this.cluster = cluster;
    this.tellOrganisers = tellOrganisers;
  }

  ScheduleSource source() {
    return source;
  }

  /** The schedule at start, with the people file read then. */
  Conference first(People people) {
    return Schedules.conference(settings, people, source);
  }

  /**
   * Reads the people file and the schedule again and follows them.
   *
   * @throws RemovalRefusedException when the schedule removes more talks than {@code removals}
   *     allows; the current version stays
   * @throws BadInputException when either cannot be read; the current ones are kept
   */
  String follow(LifecycleRunner runner, RemovalGuard removals) {
    Reload reload = reload();
    return changing(runner, () -> runner.refresh(reload.conference(), reload.policy(),
        removals));
  }

  /** The periodic refresh: a refusal is told to the organisers once, other failures each time. */
  void refreshQuietly(LifecycleRunner runner) {
    try {
      LOG.info("schedule refresh: {}", follow(runner, settings.removalGuard()));
      refusalTold.set("");
    } catch (RemovalRefusedException e) {
      String told = refusal(e);
      if (!refusalTold.getAndSet(told).equals(told)) {
        tellOrganisers.accept(told);
      }
    } catch (RuntimeException e) {
      tellOrganisers.accept("Schedule refresh failed: " + e.getMessage());
    }
  }

  /** A new leader follows the schedule as it is now: see {@link LifecycleRunner#lead}. */
  String lead(LifecycleRunner runner) {
    Reload reload = reload();
    return changing(runner, () -> runner.lead(reload.conference(), reload.policy(),
        settings.removalGuard()));
  }

  /** A follower takes the version its leader published: see {@link LifecycleRunner#adopt}. */
  void adopt(LifecycleRunner runner) {
    Reload reload = reload();
    runner.adopt(reload.conference(), reload.policy());
    LOG.info("following the leader's new schedule");
  }

  /** Tells the other bots, when there are some. */
  void published() {
    cluster.ifPresent(ClusterRole::published);
  }

  /** What the organisers are told when a new schedule cancels too many talks at once. */
  static String refusal(RemovalRefusedException e) {
    return "The new schedule is not applied: " + e.getMessage() + ". The bot keeps the version"
        + " it has. If the new one is right, send `!usher refresh --confirm`.";
  }

  private Reload reload() {
    People next = PeopleFiles.load(settings.people());
    return new Reload(Schedules.conference(settings, next, source), session.policy(next));
  }

  /** Runs a change and, when the version followed changed, tells the other bots. */
  private String changing(LifecycleRunner runner, Supplier<String> change) {
    Conference before = runner.lifecycle().conference();
    Policy policyBefore = runner.policy();
    try {
      return change.get();
    } finally {
      if (!before.equals(runner.lifecycle().conference())
          || !policyBefore.equals(runner.policy())) {
        published();
      }
    }
  }

  private record Reload(Conference conference, Policy policy) {}
}
