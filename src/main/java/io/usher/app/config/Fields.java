package io.usher.app.config;

import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Arrays;
import java.util.Locale;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * How every section reads a field: a missing field gives its default (from
 * {@link ConfigDefaults}), a bad one is reported to {@link Problems} under its YAML path and the
 * default stands in, so the rest of the config is still checked.
 */
final class Fields {
  private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s/]+(/\\S*)?");

  private Fields() {}

  /** The stripped value; null (reported) when missing or blank. */
  static String required(String value, String field, String expected, Problems problems) {
    if (value == null || value.isBlank()) {
      problems.add(field, "missing (expected " + expected + ")");
      return null;
    }
    return value.strip();
  }

  /** A duration as {@link Durations#parse} reads it. */
  static Duration duration(String text, String field, Duration fallback, Problems problems) {
    if (text == null) {
      return fallback;
    }
    Optional<Duration> parsed = Durations.parse(text);
    if (parsed.isEmpty()) {
      problems.add(field, "'" + text + "' is not a duration (expected e.g. 90s, 5m, 1h30m)");
    }
    return parsed.orElse(fallback);
  }

  /** A whole number from {@code min} to {@code max}. */
  static int number(Integer value, String field, int fallback, int min, int max,
      Problems problems) {
    int number = value == null ? fallback : value;
    if (number < min || number > max) {
      problems.add(field, number + " is out of range (expected " + min + "-" + max + ")");
    }
    return number;
  }

  /** A rate per second, above 0 and at most {@link ConfigDefaults#MOST_PER_SECOND}. */
  static double perSecond(Double value, String field, double fallback, Problems problems) {
    double rate = value == null ? fallback : value;
    if (!(rate > 0 && rate <= ConfigDefaults.MOST_PER_SECOND)) {
      problems.add(field, rate + " is out of range (expected more than 0, at most "
          + (int) ConfigDefaults.MOST_PER_SECOND + ")");
    }
    return rate;
  }

  /** A share written {@code 10%} or {@code 0.1}, from 0 to 1. */
  static double percent(String value, String field, double fallback, Problems problems) {
    if (value == null) {
      return fallback;
    }
    String text = value.strip();
    try {
      double share = text.endsWith("%")
          ? Double.parseDouble(text.substring(0, text.length() - 1).strip()) / 100
          : Double.parseDouble(text);
      if (share >= 0 && share <= 1) {
        return share;
      }
    } catch (NumberFormatException e) {
      // Reported below.
    }
    problems.add(field, "'" + text + "' is not a share (expected e.g. 10% or 0.1, at most 100%)");
    return fallback;
  }

  /** One of an enum's constants, written in lower case ({@code track}, {@code members_only}). */
  static <E extends Enum<E>> E choice(String value, Class<E> type, String field, E fallback,
      Problems problems) {
    if (value == null) {
      return fallback;
    }
    for (E constant : type.getEnumConstants()) {
      if (constant.name().equalsIgnoreCase(value.strip())) {
        return constant;
      }
    }
    problems.add(field, "'" + value + "' is not " + Arrays.stream(type.getEnumConstants())
        .map(c -> c.name().toLowerCase(Locale.ROOT)).collect(Collectors.joining(" or ")));
    return fallback;
  }

  static boolean flag(Boolean value, boolean fallback) {
    return value == null ? fallback : value;
  }

  /** An http(s) URL with a host and an optional path; "" when missing or blank. */
  static String httpUrl(String value, String field, Problems problems) {
    if (value == null || value.isBlank()) {
      return "";
    }
    String url = value.strip();
    if (!isHttpUrl(url)) {
      problems.add(field, "'" + url + "' is not an http(s) URL");
    }
    return url;
  }

  static boolean isHttpUrl(String value) {
    return HTTP_URL.matcher(value).matches();
  }

  /** A file resolved against the config's folder, reported unless readable. */
  static Path readableFile(String value, Path base, String field, Problems problems) {
    Path path = base.resolve(value.strip()).normalize();
    if (!Files.isReadable(path)) {
      problems.add(field, "no readable file at " + path);
    }
    return path;
  }
}
