package io.usher.schedule.source;

import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.SourceLocation;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.ZoneId;
import java.util.Optional;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Loads a schedule from a file path or an http(s) URL and parses it, whatever its format
 * ({@link ScheduleFormats}). Conditional GET and the last-good-copy fallback are still to come.
 */
public final class ScheduleSource {
  private final OkHttpClient http;
  private final ScheduleFormats parser;

  /** @param fallbackZone the organiser's zone for schedules that name none */
  public ScheduleSource(OkHttpClient http, Optional<ZoneId> fallbackZone) {
    this.http = http;
    this.parser = new ScheduleFormats(fallbackZone);
  }

  /**
   * @param location a file path or an {@code http://} / {@code https://} URL
   * @throws ScheduleException when it cannot be fetched, read, parsed or validated
   */
  public Conference load(String location) throws ScheduleException {
    if (!location.startsWith("http://") && !location.startsWith("https://")) {
      try {
        return parser.parse(Files.readAllBytes(Path.of(location)), location);
      } catch (IOException e) {
        throw new ScheduleException(new SourceLocation(location, 0),
            "cannot read schedule: " + e.getMessage());
      }
    }
    Request request = new Request.Builder().url(location).build();
    try (Response response = http.newCall(request).execute()) {
      if (!response.isSuccessful()) {
        throw new ScheduleException(new SourceLocation(location, 0),
            "fetching the schedule failed: HTTP " + response.code());
      }
      return parser.parse(response.body().bytes(), location);
    } catch (IOException e) {
      throw new ScheduleException(new SourceLocation(location, 0),
          "fetching the schedule failed: " + e.getMessage());
    }
  }
}
