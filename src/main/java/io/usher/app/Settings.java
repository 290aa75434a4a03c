package io.usher.app;

import io.usher.plan.TrackGrouping;
import java.time.ZoneId;
import java.util.List;

/** A validated config. The access token is never printed: see {@link #toString()}. */
record Settings(String homeserverUrl, String accessToken, String conferenceId,
    String conferenceName, ZoneId timeZone, String schedule, TrackGrouping grouping,
    List<String> organisers, List<String> moderators, int parallelism) {

  Settings withSchedule(String otherSchedule) {
    return new Settings(homeserverUrl, accessToken, conferenceId, conferenceName, timeZone,
        otherSchedule, grouping, organisers, moderators, parallelism);
  }

  @Override
  public String toString() {
    return "Settings[homeserver=" + homeserverUrl + ", conference=" + conferenceId
        + ", schedule=" + schedule + ", accessToken=<redacted>]";
  }
}
