package io.usher.app.runtime;

/**
 * What an organiser can do about the homeserver's rate limits on the bot, written once for every
 * message that advises it: a server admin exempts the bot's account through Synapse's admin API
 * (override ratelimiting for users), a bot that is a server admin exempts itself, or the bot runs
 * as an application service registered with {@code rate_limited: false}.
 */
final class RateLimitRemedy {
  /** The config field that lets a bot that is a server admin exempt itself. */
  static final String LIFT_OWN = "homeserver.lift_own_rate_limits";
  /** The application service route. */
  static final String APPSERVICE = "run Usher as an application service with rate_limited:"
      + " false (usher appservice-registration)";

  private RateLimitRemedy() {}

  /** The exact admin API call for {@code userId}, a placeholder where the admin's token goes. */
  static String adminCall(String homeserverUrl, String userId) {
    return "curl -X POST -H 'Authorization: Bearer <admin access token>' -d"
        + " '{\"messages_per_second\": 0, \"burst_count\": 0}' "
        + homeserverUrl.replaceAll("/+$", "")
        + "/_synapse/admin/v1/users/" + userId + "/override_ratelimit";
  }

  /** Every remedy, for an account that may or may not be a server admin. */
  static String any(String homeserverUrl, String userId) {
    return "a server admin can exempt it now, without a restart: "
        + adminCall(homeserverUrl, userId) + " (a bot that is a server admin does it itself with "
        + LIFT_OWN + ": true); or " + APPSERVICE;
  }
}
