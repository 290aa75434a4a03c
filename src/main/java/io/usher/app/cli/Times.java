package io.usher.app.cli;

import io.usher.app.config.BadInputException;
import java.time.DateTimeException;
import java.time.Instant;
import java.time.LocalDateTime;
import java.time.ZoneId;
import java.time.format.DateTimeParseException;

/** Instants given on the command line. */
final class Times {
  private Times() {}

  /**
   * An ISO-8601 instant ({@code 2026-02-01T10:00:00Z}, an offset is allowed) or a local date-time
   * in {@code zone} ({@code 2026-02-01T10:00}).
   *
   * @throws BadInputException naming the option when it is neither
   */
  static Instant parse(String text, ZoneId zone, String option) {
    try {
      return java.time.OffsetDateTime.parse(text).toInstant();
    } catch (DateTimeParseException notOffset) {
      try {
        return LocalDateTime.parse(text).atZone(zone).toInstant();
      } catch (DateTimeException e) {
        throw new BadInputException(option + ": '" + text + "' is not a time (expected e.g."
            + " 2026-02-01T10:00:00Z or 2026-02-01T10:00 in " + zone + ")", e);
      }
    }
  }
}
