package io.usher.app.config;

import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/** Durations as organisers write them in the config and on the command line. */
public final class Durations {
  private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private Durations() {}

  /**
   * {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 0} or ISO-8601 ({@code PT5M}), case-blind;
   * empty for anything else, a negative ISO duration included.
   */
  public static Optional<Duration> parse(String text) {
    String value = text.strip().toLowerCase(Locale.ROOT);
    if (value.equals("0")) {
      return Optional.of(Duration.ZERO);
    }
    Matcher m = SHORT.matcher(value);
    if (!value.isEmpty() && m.matches()) {
      return Optional.of(Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2)))
          .plusSeconds(number(m.group(3))));
    }
    try {
      return Optional.of(Duration.parse(value.toUpperCase(Locale.ROOT)))
          .filter(parsed -> !parsed.isNegative());
    } catch (DateTimeParseException e) {
      return Optional.empty();
    }
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
