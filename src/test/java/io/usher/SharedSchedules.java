package io.usher;

import java.nio.file.Files;
import java.nio.file.Path;

/** The real schedules in ../shared/schedules, read in place (never copied into the project). */
public final class SharedSchedules {
  private SharedSchedules() {}

  public static Path path(String name) {
    Path path = Path.of("..", "shared", "schedules", name).toAbsolutePath().normalize();
    if (!Files.isReadable(path)) {
      throw new IllegalStateException(path + " is missing: tests expect ../shared beside the"
          + " checkout");
    }
    return path;
  }

  public static final String FOSDEM_2021 = "fosdem-2021_pentabarf_schedule.xml";
  public static final String FOSDEM_2025 = "fosdem-2025_pentabarf-via-pretalx_schedule.xml";

  /** The project's own example schedule. */
  public static Path example() {
    return Path.of("schedules", "example-pentabarf.xml").toAbsolutePath();
  }
}
