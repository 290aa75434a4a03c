package io.usher.schedule;

import java.io.InputStream;

/**
 * Reads one schedule format into a {@link Conference}: Pentabarf or frab XML, frab/pretalx
 * {@code schedule.json}, iCalendar (RFC 5545). A parser is pure (no network, no files) and keeps
 * no state between calls, so one instance serves every schedule of a process.
 *
 * <p>Shapes every implementation gives: talks in schedule order, each with its start as a UTC
 * {@link java.time.Instant} (local times are resolved in the file's own zone, else the
 * organiser's fallback zone the parser was built with) and a positive
 * {@link java.time.Duration}; cancelled events are left out and listed in
 * {@link Conference#notes()}; the result has passed {@link ScheduleValidator#validate}.
 */
@FunctionalInterface
public interface ScheduleParser {

  /**
   * Parses and validates one schedule. {@code in} belongs to the caller, who closes it (a
   * parser's library may close it first, which is harmless).
   *
   * @param in the schedule's bytes, in its format's encoding (UTF-8; XML also UTF-16 or what
   *     its declaration names)
   * @param source the file name or URL it came from; every {@link SourceLocation} and error
   *     message names it
   * @return the conference, times in UTC
   * @throws ScheduleException listing every problem as {@code source:line: reason} (line 0 when
   *     the format has no useful lines): unreadable input, malformed syntax, missing or malformed
   *     fields, invalid events
   */
  Conference parse(InputStream in, String source) throws ScheduleException;
}
