package io.usher.app;

import io.usher.matrix.MatrixException;
import io.usher.matrix.SynapseAdmin;

/**
 * Whether the bot's account is exempt from the homeserver's rate limits, checked before a big
 * apply: without the exemption Synapse's defaults allow about one room a minute after a burst
 * of ten. A bot that is a server admin can lift its own limits when the config allows it;
 * otherwise the organiser is told the remedy.
 */
final class RateLimitCheck {
  private RateLimitCheck() {}

  /** The same as {@link #run} without changing anything (for plan, a dry run). */
  static String check(Connection connection) {
    return status(connection, false);
  }

  /**
   * One line for the organiser: exempt, exempted now, or not exempt with the remedy. Costs one
   * request (two when it lifts the limits).
   */
  static String run(Connection connection) {
    return status(connection, connection.settings.liftOwnRateLimits());
  }

  private static String status(Connection connection, boolean lift) {
    SynapseAdmin admin = new SynapseAdmin(connection.client);
    String userId = connection.me.userId();
    if (connection.settings.appserviceUnlimited()) {
      return "rate limits: " + userId + " is exempt (application service, rate_limited: false)";
    }
    try {
      if (admin.isExemptFromRateLimits(userId)) {
        return "rate limits: " + userId + " is exempt (Synapse admin override)";
      }
      if (lift) {
        admin.exemptFromRateLimits(userId);
        return "rate limits: " + userId + " was not exempt; it exempted itself"
            + " (homeserver.lift_own_rate_limits)";
      }
      return "rate limits: " + userId + " is NOT exempt, so a big apply will be slowed by 429s."
          + " It is a server admin: " + (connection.settings.liftOwnRateLimits()
          ? "apply will exempt it (homeserver.lift_own_rate_limits)"
          : "set homeserver.lift_own_rate_limits: true, or run " + call(connection, userId));
    } catch (MatrixException e) {
      if (e.status() == 403) {
        return "rate limits: " + userId + " may be rate-limited (it is not a server admin, so it"
            + " cannot tell). A server admin can exempt it: " + call(connection, userId)
            + "; or run Usher as an application service with rate_limited: false.";
      }
      return "rate limits: cannot tell whether " + userId + " is exempt (" + e.getMessage()
          + ")";
    }
  }

  /** The exact admin API call, with a placeholder where the admin's token goes. */
  static String call(Connection connection, String userId) {
    return "curl -X POST -H 'Authorization: Bearer <admin access token>' -d"
        + " '{\"messages_per_second\": 0, \"burst_count\": 0}' "
        + connection.settings.homeserverUrl().replaceAll("/+$", "")
        + "/_synapse/admin/v1/users/" + userId + "/override_ratelimit";
  }
}
