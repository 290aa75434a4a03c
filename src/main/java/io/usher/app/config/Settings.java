package io.usher.app.config;

import io.usher.lifecycle.LifecyclePolicy;
import io.usher.plan.HallwayHistory;
import io.usher.plan.TrackGrouping;
import io.usher.plan.diff.RemovalGuard;
import java.nio.file.Path;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * A validated config. The access token is never printed: see {@link #toString()}.
 *
 * @param refreshEvery how often the running bot reloads the schedule
 * @param managementRoom the room alias or id organisers command the running bot from
 * @param people the people file, role template and invite settings
 * @param onboarding how attendee accounts are made
 * @param web the widget web server and what its widgets show
 * @param scheduleHeaders sent when fetching a schedule URL (may hold a token: never printed)
 * @param scheduleCache where the last good copy of a schedule URL is kept
 * @param liftOwnRateLimits a bot that is a server admin exempts itself from rate limits
 * @param appserviceUnlimited the bot is an application service with {@code rate_limited: false}
 * @param appserviceUser the localpart the bot acts as, when it is an application service
 * @param removalGuard how many talks a new schedule may remove without the organiser's
 *     confirmation
 * @param hallwayHistory whether a hallway's newcomers read the talk room's earlier history
 * @param store the PostgreSQL database two or more bots share ({@code scheduler.store}); empty
 *     for one bot with its jobs in memory
 */
public record Settings(String homeserverUrl, String accessToken, String conferenceId,
    String conferenceName, ZoneId timeZone, String schedule, TrackGrouping grouping,
    List<String> organisers, List<String> moderators, int parallelism, Duration refreshEvery,
    Optional<String> managementRoom, LifecyclePolicy lifecycle, PeopleSettings people,
    OnboardingSettings onboarding, WebSettings web, Map<String, String> scheduleHeaders,
    Path scheduleCache, boolean liftOwnRateLimits, boolean appserviceUnlimited,
    Optional<String> appserviceUser, RemovalGuard removalGuard,
    HallwayHistory hallwayHistory, Optional<StoreSettings> store) {

  public Settings withSchedule(String otherSchedule) {
    return new Settings(homeserverUrl, accessToken, conferenceId, conferenceName, timeZone,
        otherSchedule, grouping, organisers, moderators, parallelism, refreshEvery,
        managementRoom, lifecycle, people, onboarding, web, scheduleHeaders, scheduleCache,
        liftOwnRateLimits, appserviceUnlimited, appserviceUser, removalGuard, hallwayHistory, store);
  }

  /**
   * The user id the bot acts as on {@code serverName} when it is an application service: its
   * localpart from the registration's {@code x_usher_bot}.
   */
  public Optional<String> appserviceUserId(String serverName) {
    return appserviceUser.map(localpart -> userId(localpart, serverName));
  }

  /**
   * A user id, {@code @localpart:server}
   * (https://spec.matrix.org/latest/appendices/#user-identifiers).
   */
  public static String userId(String localpart, String serverName) {
    return "@" + localpart + ":" + serverName;
  }

  @Override
  public String toString() {
    return "Settings[homeserver=" + homeserverUrl + ", conference=" + conferenceId
        + ", schedule=" + schedule + ", accessToken=<redacted>]";
  }
}
