package io.usher.app.config;

import io.usher.lifecycle.LifecyclePolicy;
import io.usher.plan.TrackGrouping;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;
import java.util.stream.Stream;

/**
 * Reads and validates the YAML config once, failing fast with every problem at once. Relative
 * paths (schedule, access token file) are resolved against the config file's folder.
 */
public final class ConfigLoader {
  private static final Pattern CONFERENCE_ID = Pattern.compile("[a-z0-9][a-z0-9._-]{0,39}");
  private static final Pattern USER_ID = Pattern.compile("@[^:\\s]+:[^\\s]+");
  private static final Pattern HTTP_URL = Pattern.compile("https?://[^\\s/]+(/\\S*)?");

  public Settings load(Path file) throws ConfigException {
    ConfigFile raw = ConfigYaml.read(file);
    requireSections(raw, file);
    Path base = file.toAbsolutePath().getParent();
    List<String> problems = new ArrayList<>();
    String url = homeserverUrl(raw.homeserver().url(), problems);
    Optional<AppserviceRegistration> appservice = Optional.ofNullable(
        raw.homeserver().appserviceRegistration())
        .map(registration -> AppserviceRegistration.read(base.resolve(registration), problems));
    String token = token(raw.homeserver(), appservice, base, problems);
    ConfigFile.ConferenceSection c = raw.conference();
    String id = conferenceId(c.id(), problems);
    ZoneId zone = zone(c.timeZone(), problems);
    String schedule = schedule(c.schedule(), base, problems);
    TrackGrouping grouping = grouping(c.groupBy(), problems);
    List<String> organisers = userIds(raw.organisers(), "organisers", problems);
    List<String> moderators = userIds(raw.moderators(), "moderators", problems);
    int parallelism = parallelism(raw.apply(), problems);
    LifecyclePolicy lifecycle = LifecycleConfig.of(raw.lifecycle(), problems);
    Duration refresh = refreshEvery(c.refreshEvery(), problems);
    Optional<String> managementRoom = managementRoom(raw.managementRoom(), problems);
    PeopleSettings people = PeopleConfig.of(raw.people(), raw.roles(), base, problems);
    OnboardingSettings onboarding = OnboardingSettings.of(raw.onboarding(), problems);
    WebSettings web = WebSettings.of(raw.web(), raw.widgets(), problems);
    Map<String, String> headers = headers(c.scheduleHeaders(), problems);
    Path cache = base.resolve(Objects.requireNonNullElse(c.scheduleCache(),
        ".usher/schedule-cache")).normalize();
    if (!problems.isEmpty()) {
      throw new ConfigException(file.toString(), problems);
    }
    return new Settings(url, token, id, Objects.requireNonNullElse(c.name(), ""), zone, schedule,
        grouping, organisers, moderators, parallelism, refresh, managementRoom, lifecycle, people,
        onboarding, web, headers, cache,
        Boolean.TRUE.equals(raw.homeserver().liftOwnRateLimits()),
        appservice.map(a -> !a.rateLimited()).orElse(false),
        appservice.map(AppserviceRegistration::botLocalpart));
  }

  private static String conferenceId(String value, List<String> problems) {
    String id = required(value, "conference.id", "a short id like fosdem2026", problems);
    if (id != null && !CONFERENCE_ID.matcher(id).matches()) {
      problems.add("conference.id: '" + id + "' must be 1-40 of a-z 0-9 . _ - (it goes into"
          + " room aliases)");
    }
    return id;
  }

  /** An http(s) URL with a host and an optional path: what a homeserver or widget URL is. */
  static boolean isHttpUrl(String value) {
    return HTTP_URL.matcher(value).matches();
  }

  private static void requireSections(ConfigFile raw, Path file) throws ConfigException {
    List<String> problems = new ArrayList<>();
    if (raw.homeserver() == null) {
      problems.add("homeserver: missing (expected url and access_token, access_token_file or"
          + " appservice_registration)");
    }
    if (raw.conference() == null) {
      problems.add("conference: missing (expected id, time_zone and schedule)");
    }
    if (!problems.isEmpty()) {
      throw new ConfigException(file.toString(), problems);
    }
  }

  private static int parallelism(ConfigFile.ApplySection apply, List<String> problems) {
    int parallelism = apply == null || apply.parallelism() == null ? 4 : apply.parallelism();
    if (parallelism < 1 || parallelism > 64) {
      problems.add("apply.parallelism: " + parallelism + " is out of range (expected 1-64)");
    }
    return parallelism;
  }

  private static Duration refreshEvery(String text, List<String> problems) {
    Duration refresh = LifecycleConfig.duration(text, "conference.refresh_every",
        Duration.ofMinutes(5), problems);
    if (refresh.compareTo(Duration.ofSeconds(10)) < 0) {
      problems.add("conference.refresh_every: " + text + " is too short (expected at least"
          + " 10s)");
    }
    return refresh;
  }

  private static Map<String, String> headers(Map<String, String> given,
      List<String> problems) {
    Map<String, String> headers = new LinkedHashMap<>();
    (given == null ? Map.<String, String>of() : given).forEach((name, value) -> {
      if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+") || value == null
          || value.contains("\n")) {
        problems.add("conference.schedule_headers: '" + name + "' is not a header name with a"
            + " one-line value");
      } else {
        headers.put(name, value.strip());
      }
    });
    return headers;
  }

  private static Optional<String> managementRoom(String value, List<String> problems) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String room = value.strip();
    if (!room.matches("[#!][^:\\s]+:\\S+")) {
      problems.add("management_room: '" + room + "' is not a room alias or id (expected"
          + " #name:server or !id:server)");
    }
    return Optional.of(room);
  }

  private static String required(String value, String field, String expected,
      List<String> problems) {
    if (value == null || value.isBlank()) {
      problems.add(field + ": missing (expected " + expected + ")");
      return null;
    }
    return value.strip();
  }

  private static String homeserverUrl(String url, List<String> problems) {
    String value = required(url, "homeserver.url", "e.g. https://matrix.example.org", problems);
    if (value != null && !isHttpUrl(value)) {
      problems.add("homeserver.url: '" + value + "' is not an http(s) URL");
    }
    return value;
  }

  private static String token(ConfigFile.Homeserver hs, Optional<AppserviceRegistration> appservice,
      Path base, List<String> problems) {
    long given = Stream.of(hs.accessToken(), hs.accessTokenFile(),
        hs.appserviceRegistration()).filter(Objects::nonNull).count();
    if (given != 1) {
      problems.add("homeserver: set exactly one of access_token, access_token_file and"
          + " appservice_registration");
      return null;
    }
    if (appservice.isPresent()) {
      return appservice.get().asToken();
    }
    if (hs.accessToken() != null) {
      return hs.accessToken().strip();
    }
    Path path = base.resolve(hs.accessTokenFile());
    try {
      String token = Files.readString(path).strip();
      if (token.isEmpty()) {
        problems.add("homeserver.access_token_file: " + path + " is empty");
      }
      return token;
    } catch (IOException e) {
      problems.add("homeserver.access_token_file: cannot read " + path
          + " (run scripts/synapse start for the local homeserver's token)");
      return null;
    }
  }

  private static ZoneId zone(String name, List<String> problems) {
    String value = required(name, "conference.time_zone", "an IANA zone like Europe/Brussels",
        problems);
    if (value == null) {
      return null;
    }
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      problems.add("conference.time_zone: '" + value + "' is not a known time zone (expected an"
          + " IANA zone like Europe/Brussels)");
      return null;
    }
  }

  private static String schedule(String value, Path base, List<String> problems) {
    String location = required(value, "conference.schedule", "a file path or an http(s) URL",
        problems);
    if (location == null || location.matches("https?://.*")) {
      return location;
    }
    Path path = base.resolve(location).normalize();
    if (!Files.isReadable(path)) {
      problems.add("conference.schedule: no readable file at " + path);
    }
    return path.toString();
  }

  private static TrackGrouping grouping(String value, List<String> problems) {
    if (value == null) {
      return TrackGrouping.TRACK;
    }
    try {
      return TrackGrouping.valueOf(value.strip().toUpperCase(Locale.ROOT));
    } catch (IllegalArgumentException e) {
      problems.add("conference.group_by: '" + value + "' is not track or room");
      return TrackGrouping.TRACK;
    }
  }

  private static List<String> userIds(List<String> ids, String field, List<String> problems) {
    List<String> out = new ArrayList<>();
    List<String> given = ids == null ? List.of() : ids;
    for (int i = 0; i < given.size(); i++) {
      String id = given.get(i) == null ? "" : given.get(i).strip();
      if (!USER_ID.matcher(id).matches()) {
        problems.add(field + "[" + i + "]: '" + id + "' is not a Matrix user id (expected"
            + " @name:server)");
      } else {
        out.add(id);
      }
    }
    return out;
  }
}
