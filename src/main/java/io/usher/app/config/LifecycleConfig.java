package io.usher.app.config;

import io.usher.lifecycle.LifecyclePolicy;
import io.usher.lifecycle.Phase;
import java.time.Duration;
import java.time.format.DateTimeParseException;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.regex.Matcher;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/** Validates the {@code lifecycle} section of the config into a {@link LifecyclePolicy}. */
public final class LifecycleConfig {
  private static final Pattern SHORT = Pattern.compile("(?:(\\d+)h)?(?:(\\d+)m)?(?:(\\d+)s)?");

  private LifecycleConfig() {}

  static LifecyclePolicy of(ConfigFile.LifecycleSection section, List<String> problems) {
    LifecyclePolicy defaults = LifecyclePolicy.defaults();
    if (section == null) {
      return defaults;
    }
    Duration reminder = duration(section.reminderBefore(), "lifecycle.reminder_before",
        defaults.reminderBefore(), problems);
    Duration upNext = duration(section.upNextBefore(), "lifecycle.up_next_before",
        defaults.upNextBefore(), problems);
    Optional<Duration> qa = section.qaBeforeEnd() == null ? Optional.empty()
        : Optional.of(duration(section.qaBeforeEnd(), "lifecycle.qa_before_end", Duration.ZERO,
            problems));
    Duration warning = duration(section.endWarningBefore(), "lifecycle.end_warning_before",
        defaults.endWarningBefore(), problems);
    Duration grace = duration(section.grace(), "lifecycle.grace", defaults.grace(), problems);
    return new LifecyclePolicy(reminder, upNext, qa, warning, grace,
        texts(section.texts(), problems));
  }

  private static Map<Phase, LifecyclePolicy.Template> texts(
      Map<String, ConfigFile.TextsSection> texts, List<String> problems) {
    Map<Phase, LifecyclePolicy.Template> out = new EnumMap<>(Phase.class);
    if (texts == null) {
      return out;
    }
    texts.forEach((name, section) -> {
      Optional<Phase> phase = Arrays.stream(Phase.values())
          .filter(p -> p.id().equals(name)).findFirst();
      if (phase.isEmpty()) {
        problems.add("lifecycle.texts." + name + ": unknown phase (expected one of "
            + Arrays.stream(Phase.values()).map(Phase::id).collect(Collectors.joining(", ")) + ")");
        return;
      }
      LifecyclePolicy.Template defaults = LifecyclePolicy.DEFAULT_TEXTS.get(phase.get());
      String track = section == null || section.track() == null ? defaults.track() : section.track();
      String talk = section == null || section.talk() == null ? defaults.talk() : section.talk();
      check("lifecycle.texts." + name + ".track", track, problems);
      check("lifecycle.texts." + name + ".talk", talk, problems);
      out.put(phase.get(), new LifecyclePolicy.Template(track, talk));
    });
    return out;
  }

  private static void check(String field, String text, List<String> problems) {
    List<String> unknown = LifecyclePolicy.Template.unknownPlaceholders(text);
    if (!unknown.isEmpty()) {
      problems.add(field + ": unknown placeholder {" + String.join("}, {", unknown)
          + "} (expected " + LifecyclePolicy.Template.PLACEHOLDERS.stream().sorted()
          .map(p -> "{" + p + "}").collect(Collectors.joining(" ")) + ")");
    }
  }

  /**
   * A duration written {@code 90s}, {@code 5m}, {@code 1h30m}, {@code 0} or ISO-8601
   * ({@code PT5M}); null gives the default.
   */
  public static Duration duration(String text, String field, Duration fallback, List<String> problems) {
    if (text == null) {
      return fallback;
    }
    String value = text.strip().toLowerCase(Locale.ROOT);
    Matcher m = SHORT.matcher(value);
    if (value.equals("0")) {
      return Duration.ZERO;
    }
    if (!value.isEmpty() && m.matches()) {
      return Duration.ofHours(number(m.group(1))).plusMinutes(number(m.group(2)))
          .plusSeconds(number(m.group(3)));
    }
    try {
      Duration parsed = Duration.parse(text.strip().toUpperCase(Locale.ROOT));
      if (!parsed.isNegative()) {
        return parsed;
      }
    } catch (DateTimeParseException e) {
      // Reported below.
    }
    problems.add(field + ": '" + text + "' is not a duration (expected e.g. 90s, 5m, 1h30m)");
    return fallback;
  }

  private static long number(String group) {
    return group == null ? 0 : Long.parseLong(group);
  }
}
