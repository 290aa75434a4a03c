package io.usher.app.config;

import io.usher.lifecycle.LifecyclePolicy;
import io.usher.onboard.LocalpartMapping;
import io.usher.plan.HallwayHistory;
import io.usher.plan.TrackGrouping;
import io.usher.plan.people.RoleTemplate;
import java.time.Duration;

/**
 * What each optional config field means when it is left out, in one place (README's
 * "Configuration" lists the same values). Defaults that belong to a domain type (phase times,
 * power levels, localpart mapping) are that type's, and are named here.
 */
final class ConfigDefaults {
  /** {@code apply.parallelism}: requests in flight while applying (measured in ApplyBench). */
  static final int PARALLELISM = 4;
  /** {@code conference.refresh_every}: how often {@code usher run} re-reads the schedule. */
  static final Duration REFRESH_EVERY = Duration.ofMinutes(5);
  /** The shortest {@code conference.refresh_every} accepted, so a schedule server is spared. */
  static final Duration SHORTEST_REFRESH = Duration.ofSeconds(10);
  /** {@code conference.schedule_cache}, relative to the config file's folder. */
  static final String SCHEDULE_CACHE = ".usher/schedule-cache";
  /** {@code conference.group_by}. */
  static final TrackGrouping GROUP_BY = TrackGrouping.TRACK;
  /**
   * {@code conference.removal_guard}: a new schedule that removes more than this share of the
   * talks, or more than this many, is applied only when the organiser confirms it.
   */
  static final double REMOVAL_SHARE = 0.10;
  static final int REMOVAL_MOST = 25;
  /** {@code hallway.history}: the talk room's earlier history stays with its members. */
  static final HallwayHistory HALLWAY_HISTORY = HallwayHistory.MEMBERS_ONLY;
  /** {@code web.listen}'s address and port. */
  static final String WEB_HOST = "127.0.0.1";
  static final int WEB_PORT = 8080;
  /** The video call URL made from {@code widgets.jitsi_domain} ({@code {domain}} replaced). */
  static final String JITSI_ROOM = "https://{domain}/{conference}-{talk}";
  /** {@code people.invites_per_second}. */
  static final double INVITES_PER_SECOND = 5;
  /** {@code onboarding.per_second}. */
  static final double ONBOARDING_PER_SECOND = 20;
  /** The most any {@code *_per_second} field accepts. */
  static final double MOST_PER_SECOND = 1000;
  /** {@code onboarding.invite_to_space}. */
  static final boolean INVITE_TO_SPACE = true;
  /** {@code people.demote_unlisted}. */
  static final boolean DEMOTE_UNLISTED = false;
  /** {@code rate_limited} in an application service registration, as Synapse assumes. */
  static final boolean APPSERVICE_RATE_LIMITED = true;

  /**
   * {@code scheduler.store.checkin_interval}: how often each bot of a cluster tells the database
   * it is alive; a bot silent for twice this long is taken over (measured in FailoverBench).
   */
  static final Duration CHECKIN_INTERVAL = Duration.ofSeconds(1);

  private ConfigDefaults() {}

  /** The {@code lifecycle:} section's times and texts. */
  static LifecyclePolicy lifecycle() {
    return LifecyclePolicy.defaults();
  }

  /** The {@code roles:} section's power levels. */
  static RoleTemplate roles() {
    return RoleTemplate.defaults();
  }

  /** The {@code onboarding:} section's e-mail to localpart mapping. */
  static LocalpartMapping localparts() {
    return LocalpartMapping.defaults();
  }
}
