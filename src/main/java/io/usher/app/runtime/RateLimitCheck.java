package io.usher.app.runtime;

import io.usher.apply.Progress;
import io.usher.matrix.MatrixException;
import io.usher.matrix.SynapseAdmin;

/**
 * Whether the bot's account is exempt from the homeserver's rate limits, checked before a big
 * apply: without the exemption Synapse's defaults allow about one room a minute after a burst
 * of ten. A bot that is a server admin can lift its own limits when the config allows it;
 * otherwise the organiser is told the remedy and how long the new rooms would take.
 */
public final class RateLimitCheck {
  /** Synapse's default {@code rc_room_creation}: a burst of 10, then 0.016 rooms a second. */
  private static final int DEFAULT_ROOM_BURST = 10;
  private static final double DEFAULT_ROOMS_PER_SECOND = 0.016;
  private static final String SUBJECT = "rate limits";

  private RateLimitCheck() {}

  /** The same as {@link #run} without changing anything (for plan, a dry run). */
  public static String check(BotSession session, int newRooms) {
    return status(session, false, newRooms).line();
  }

  /**
   * One line for the organiser: exempt, exempted now, or not exempt with the remedy and the
   * time {@code newRooms} take at Synapse's default limits. Costs one request (two when it
   * lifts the limits).
   */
  public static String run(BotSession session, int newRooms) {
    return status(session, session.settings.liftOwnRateLimits(), newRooms).line();
  }

  /** As {@link #check}, as a finding of {@code usher doctor}: exempt is ok. One request. */
  static Finding finding(BotSession session) {
    return status(session, false, 0);
  }

  private static Finding status(BotSession session, boolean lift, int newRooms) {
    SynapseAdmin admin = new SynapseAdmin(session.client);
    String userId = session.me.userId();
    String call = RateLimitRemedy.adminCall(session.settings.homeserverUrl(), userId);
    if (session.settings.appserviceUnlimited()) {
      return Finding.ok(SUBJECT, userId + " is exempt (application service, rate_limited:"
          + " false)");
    }
    try {
      if (admin.isExemptFromRateLimits(userId)) {
        return Finding.ok(SUBJECT, userId + " is exempt (Synapse admin override)");
      }
      if (lift) {
        admin.exemptFromRateLimits(userId);
        return Finding.ok(SUBJECT, userId + " was not exempt; it exempted itself ("
            + RateLimitRemedy.LIFT_OWN + ")");
      }
      return Finding.missing(SUBJECT, userId + " is NOT exempt, so a big apply will be slowed"
          + " by 429s" + estimate(newRooms) + ". It is a server admin: "
          + (session.settings.liftOwnRateLimits()
          ? "apply will exempt it (" + RateLimitRemedy.LIFT_OWN + ")"
          : "set " + RateLimitRemedy.LIFT_OWN + ": true, or run " + call), "");
    } catch (MatrixException e) {
      if (e.isForbidden()) {
        return Finding.unknown(SUBJECT, userId + " may be rate-limited (it is not a server"
            + " admin, so it cannot tell)" + estimate(newRooms) + ". A server admin can exempt"
            + " it: " + call + "; or " + RateLimitRemedy.APPSERVICE + ".", "");
      }
      return Finding.unknown(SUBJECT, "cannot tell whether " + userId + " is exempt ("
          + e.getMessage() + ")", "");
    }
  }

  /** How long the rooms take at Synapse's default room-creation limit, if that is long. */
  private static String estimate(int newRooms) {
    if (newRooms <= DEFAULT_ROOM_BURST) {
      return "";
    }
    long seconds = Math.round((newRooms - DEFAULT_ROOM_BURST) / DEFAULT_ROOMS_PER_SECOND);
    return "; at Synapse's default limits (" + DEFAULT_ROOM_BURST + " rooms at once, then one"
        + " every " + (1 / DEFAULT_ROOMS_PER_SECOND) + " s) its " + newRooms + " new rooms take"
        + " about " + Progress.duration(seconds);
  }
}
