package io.usher.schedule.source;

import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleParser;
import io.usher.schedule.SourceLocation;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.StandardCopyOption;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Instant;
import java.time.ZoneId;
import java.util.HexFormat;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Consumer;
import okhttp3.Headers;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.Response;

/**
 * Loads a schedule from a file path or an http(s) URL and parses it with its
 * {@link ScheduleParser} ({@link ScheduleFormats}: whatever the format). Keep one per process:
 * it remembers the last good schedule of each URL.
 *
 * <p>URLs: the configured request headers (a pretalx token, say) go with every request, and a
 * conditional GET ({@code If-None-Match}, {@code If-Modified-Since}) makes an unchanged
 * schedule cost a 304 and no parse. The last good copy is kept on disk (when a cache folder is
 * given); when the URL fails, that copy is used, with a warning saying when it was fetched. A
 * schedule that fails to parse never replaces the good copy.
 */
public final class ScheduleSource {
  private final OkHttpClient http;
  private final ScheduleParser parser;
  private final Map<String, String> headers;
  private final Optional<Path> cacheDir;
  private final Consumer<String> warnings;
  private Good last;

  /**
   * A source without request headers, copies on disk or warnings, for any format
   * ({@link ScheduleFormats}).
   *
   * @param fallbackZone the organiser's zone for schedules that name none
   */
  public ScheduleSource(OkHttpClient http, Optional<ZoneId> fallbackZone) {
    this(http, new ScheduleFormats(fallbackZone), Map.of(), Optional.empty(), warning -> { });
  }

  /**
   * @param parser reads what was loaded; {@link ScheduleFormats} for any supported format
   * @param headers sent with every request (never logged: they may hold tokens)
   * @param cacheDir where the last good copy of each URL is kept; empty for memory only
   * @param warnings told when a failing URL is replaced by the last good copy
   */
  public ScheduleSource(OkHttpClient http, ScheduleParser parser, Map<String, String> headers,
      Optional<Path> cacheDir, Consumer<String> warnings) {
    this.http = http;
    this.parser = parser;
    this.headers = Map.copyOf(headers);
    this.cacheDir = cacheDir;
    this.warnings = warnings;
  }

  /**
   * @param location a file path or an {@code http://} / {@code https://} URL
   * @return the conference as the parser read it (the same instance after a 304)
   * @throws ScheduleException when it cannot be read or parsed, or a URL fails and there is no
   *     good copy
   */
  public synchronized Conference load(String location) throws ScheduleException {
    if (!location.startsWith("http://") && !location.startsWith("https://")) {
      try {
        return parse(Files.readAllBytes(Path.of(location)), location);
      } catch (IOException e) {
        throw new ScheduleException(new SourceLocation(location, 0),
            "cannot read schedule: " + e.getMessage());
      }
    }
    Good good = last != null && last.location.equals(location) ? last : fromDisk(location);
    try (Response response = http.newCall(request(location, good)).execute()) {
      if (response.code() == 304 && good != null) {
        last = good.conference != null ? good : good.parsed(parse(good.body, location));
        return last.conference;
      }
      if (!response.isSuccessful()) {
        return fallback(location, good, "HTTP " + response.code());
      }
      byte[] body = response.body().bytes();
      Conference conference = parse(body, location);
      last = new Good(location, body, conference, response.header("ETag", ""),
          response.header("Last-Modified", ""), Instant.now());
      toDisk(last);
      return conference;
    } catch (IOException e) {
      return fallback(location, good, e.getMessage());
    }
  }

  private Conference parse(byte[] body, String location) throws ScheduleException {
    return parser.parse(new ByteArrayInputStream(body), location);
  }

  private Request request(String location, Good good) {
    Request.Builder request = new Request.Builder().url(location).headers(Headers.of(headers));
    if (good != null && !good.etag.isEmpty()) {
      request.header("If-None-Match", good.etag);
    }
    if (good != null && !good.lastModified.isEmpty()) {
      request.header("If-Modified-Since", good.lastModified);
    }
    return request.build();
  }

  private Conference fallback(String location, Good good, String why) throws ScheduleException {
    if (good == null) {
      throw new ScheduleException(new SourceLocation(location, 0),
          "fetching the schedule failed: " + why + " (and there is no earlier copy)");
    }
    last = good.conference != null ? good : good.parsed(parse(good.body, location));
    warnings.accept("fetching the schedule failed: " + why + "; using the copy fetched at "
        + good.fetchedAt + cacheDir.map(d -> " (" + file(location, "schedule") + ")").orElse(""));
    return last.conference;
  }

  private Good fromDisk(String location) {
    if (cacheDir.isEmpty() || !Files.isReadable(file(location, "schedule"))) {
      return null;
    }
    try {
      List<String> meta = Files.readAllLines(file(location, "meta"));
      return new Good(location, Files.readAllBytes(file(location, "schedule")), null,
          meta.get(0), meta.get(1), Instant.parse(meta.get(2)));
    } catch (IOException | RuntimeException unreadable) {
      return null;
    }
  }

  private void toDisk(Good good) {
    if (cacheDir.isEmpty()) {
      return;
    }
    try {
      Files.createDirectories(cacheDir.get());
      write(file(good.location, "schedule"), good.body);
      write(file(good.location, "meta"), String.join("\n", good.etag, good.lastModified,
          good.fetchedAt.toString()).getBytes(StandardCharsets.UTF_8));
    } catch (IOException e) {
      warnings.accept("cannot keep a copy of the schedule in " + cacheDir.get() + ": "
          + e.getMessage());
    }
  }

  /** Written beside, then moved: a crash never leaves half a copy. */
  private static void write(Path file, byte[] content) throws IOException {
    Path partial = file.resolveSibling(file.getFileName() + ".partial");
    Files.write(partial, content);
    Files.move(partial, file, StandardCopyOption.REPLACE_EXISTING,
        StandardCopyOption.ATOMIC_MOVE);
  }

  /** The cache file of a URL: named by its hash, since URLs may hold tokens. */
  private Path file(String location, String kind) {
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(location.getBytes(StandardCharsets.UTF_8));
      return cacheDir.orElseThrow().resolve(HexFormat.of().formatHex(digest, 0, 12) + "."
          + kind);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is part of every JVM", e);
    }
  }

  /** The last good schedule of a URL; {@code conference} null until parsed. */
  private record Good(String location, byte[] body, Conference conference, String etag,
      String lastModified, Instant fetchedAt) {
    Good parsed(Conference parsed) {
      return new Good(location, body, parsed, etag, lastModified, fetchedAt);
    }
  }
}
