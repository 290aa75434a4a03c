package io.usher.lifecycle;

import java.time.Instant;
import java.time.ZoneId;
import java.time.ZoneOffset;
import java.time.format.DateTimeFormatter;
import java.util.Locale;

/**
 * Times of day as the bot writes them in rooms: 24-hour, with the zone named ({@code "03:46
 * CET"}, {@code "21:46 EST"}, {@code "10:00 UTC"}, {@code "10:00 UTC+01:00"} for a bare offset),
 * because readers sit in many zones and the widgets beside the text show each viewer's own.
 */
public final class ZonedTimes {
  private final DateTimeFormatter time;
  private final DateTimeFormatter dayAndTime;

  /** @param zone the conference's zone; a bare offset is named as one from UTC */
  public ZonedTimes(ZoneId zone) {
    ZoneId named = zone instanceof ZoneOffset offset ? ZoneId.ofOffset("UTC", offset) : zone;
    this.time = DateTimeFormatter.ofPattern("HH:mm z", Locale.ROOT).withZone(named);
    this.dayAndTime = DateTimeFormatter.ofPattern("yyyy-MM-dd HH:mm z", Locale.ROOT)
        .withZone(named);
  }

  /** {@code "03:46 CET"}: the time of day of {@code at} in the conference's zone. */
  public String time(Instant at) {
    return time.format(at);
  }

  /** {@code "2027-02-06 03:46 CET"}, for what may lie on another day. */
  public String dayAndTime(Instant at) {
    return dayAndTime.format(at);
  }
}
