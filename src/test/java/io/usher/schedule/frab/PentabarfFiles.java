package io.usher.schedule.frab;

import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;

/**
 * Tests read Pentabarf XML files directly; production reads every schedule through
 * {@code ScheduleSource}, so this stays out of {@link PentabarfParser}.
 */
public final class PentabarfFiles {
  private PentabarfFiles() {}

  /**
   * {@code new PentabarfParser(fallbackZone)} on {@code file}, named by its path in errors.
   *
   * @throws ScheduleException as the parser, and when the file cannot be read
   */
  public static Conference parse(Optional<ZoneId> fallbackZone, Path file)
      throws ScheduleException {
    try (InputStream in = Files.newInputStream(file)) {
      return new PentabarfParser(fallbackZone).parse(in, file.toString());
    } catch (IOException e) {
      throw new ScheduleException(new SourceLocation(file.toString(), 0),
          "cannot read schedule: " + e.getMessage());
    }
  }
}
