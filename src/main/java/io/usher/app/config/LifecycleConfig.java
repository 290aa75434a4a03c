package io.usher.app.config;

import io.usher.lifecycle.LifecyclePolicy;
import io.usher.lifecycle.Phase;
import java.time.Duration;
import java.util.Arrays;
import java.util.EnumMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;

/** Validates the {@code lifecycle} section of the config into a {@link LifecyclePolicy}. */
final class LifecycleConfig {
  private LifecycleConfig() {}

  static LifecyclePolicy of(ConfigFile.LifecycleSection section, Problems problems) {
    LifecyclePolicy defaults = ConfigDefaults.lifecycle();
    if (section == null) {
      return defaults;
    }
    Duration reminder = Fields.duration(section.reminderBefore(), "lifecycle.reminder_before",
        defaults.reminderBefore(), problems);
    Duration upNext = Fields.duration(section.upNextBefore(), "lifecycle.up_next_before",
        defaults.upNextBefore(), problems);
    Optional<Duration> qa = section.qaBeforeEnd() == null ? defaults.qaBeforeEnd()
        : Optional.of(Fields.duration(section.qaBeforeEnd(), "lifecycle.qa_before_end",
            Duration.ZERO, problems));
    Duration warning = Fields.duration(section.endWarningBefore(),
        "lifecycle.end_warning_before", defaults.endWarningBefore(), problems);
    Duration grace = Fields.duration(section.grace(), "lifecycle.grace", defaults.grace(),
        problems);
    return new LifecyclePolicy(reminder, upNext, qa, warning, grace,
        texts(section.texts(), problems));
  }

  private static Map<Phase, LifecyclePolicy.Template> texts(
      Map<String, ConfigFile.TextsSection> texts, Problems problems) {
    Map<Phase, LifecyclePolicy.Template> out = new EnumMap<>(Phase.class);
    if (texts == null) {
      return out;
    }
    texts.forEach((name, section) -> {
      Optional<Phase> phase = Arrays.stream(Phase.values())
          .filter(p -> p.id().equals(name)).findFirst();
      if (phase.isEmpty()) {
        problems.add("lifecycle.texts." + name, "unknown phase (expected one of "
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

  private static void check(String field, String text, Problems problems) {
    List<String> unknown = LifecyclePolicy.Template.unknownPlaceholders(text);
    if (!unknown.isEmpty()) {
      problems.add(field, "unknown placeholder {" + String.join("}, {", unknown)
          + "} (expected " + LifecyclePolicy.Template.PLACEHOLDERS.stream().sorted()
          .map(p -> "{" + p + "}").collect(Collectors.joining(" ")) + ")");
    }
  }
}
