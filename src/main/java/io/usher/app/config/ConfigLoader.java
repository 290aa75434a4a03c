package io.usher.app.config;

import io.usher.lifecycle.LifecyclePolicy;
import io.usher.plan.HallwayHistory;
import io.usher.plan.TrackGrouping;
import io.usher.plan.diff.RemovalGuard;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
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

  public Settings load(Path file) throws ConfigException {
    ConfigFile raw = ConfigYaml.read(file);
    requireSections(raw, file);
    Path base = file.toAbsolutePath().getParent();
    Problems problems = new Problems();
    String url = homeserverUrl(raw.homeserver().url(), problems);
    Optional<AppserviceRegistration> appservice = Optional.ofNullable(
        raw.homeserver().appserviceRegistration())
        .map(registration -> AppserviceRegistration.read(base.resolve(registration), problems));
    String token = token(raw.homeserver(), appservice, base, problems);
    ConfigFile.ConferenceSection c = raw.conference();
    String id = conferenceId(c.id(), problems);
    ZoneId zone = zone(c.timeZone(), problems);
    String schedule = schedule(c.schedule(), base, problems);
    TrackGrouping grouping = Fields.choice(c.groupBy(), TrackGrouping.class,
        "conference.group_by", ConfigDefaults.GROUP_BY, problems);
    List<String> organisers = userIds(raw.organisers(), "organisers", problems);
    List<String> moderators = userIds(raw.moderators(), "moderators", problems);
    int parallelism = Fields.number(raw.apply() == null ? null : raw.apply().parallelism(),
        "apply.parallelism", ConfigDefaults.PARALLELISM, 1, 64, problems);
    LifecyclePolicy lifecycle = LifecycleConfig.of(raw.lifecycle(), problems);
    Duration refresh = refreshEvery(c.refreshEvery(), problems);
    Optional<String> managementRoom = managementRoom(raw.managementRoom(), problems);
    PeopleSettings people = PeopleConfig.of(raw.people(), raw.roles(), base, problems);
    OnboardingSettings onboarding = OnboardingSettings.of(raw.onboarding(), problems);
    WebSettings web = WebSettings.of(raw.web(), raw.widgets(), problems);
    Map<String, String> headers = headers(c.scheduleHeaders(), problems);
    Path cache = base.resolve(Objects.requireNonNullElse(c.scheduleCache(),
        ConfigDefaults.SCHEDULE_CACHE)).normalize();
    Optional<StoreSettings> store = StoreSettings.of(raw.scheduler() == null ? null
        : raw.scheduler().store(), base, problems);
    problems.throwIfAny(file);
    return new Settings(url, token, id, Objects.requireNonNullElse(c.name(), ""), zone, schedule,
        grouping, organisers, moderators, parallelism, refresh, managementRoom, lifecycle, people,
        onboarding, web, headers, cache,
        Fields.flag(raw.homeserver().liftOwnRateLimits(), false),
        appservice.map(a -> !a.rateLimited()).orElse(false),
        appservice.map(AppserviceRegistration::botLocalpart),
        removalGuard(c.removalGuard(), problems),
        Fields.choice(raw.hallway() == null ? null : raw.hallway().history(), HallwayHistory.class,
            "hallway.history", ConfigDefaults.HALLWAY_HISTORY, problems),
        store);
  }

  private static String conferenceId(String value, Problems problems) {
    String id = Fields.required(value, "conference.id", "a short id like fosdem2026", problems);
    if (id != null && !CONFERENCE_ID.matcher(id).matches()) {
      problems.add("conference.id", "'" + id + "' must be 1-40 of a-z 0-9 . _ - (it goes into"
          + " room aliases)");
    }
    return id;
  }

  private static void requireSections(ConfigFile raw, Path file) throws ConfigException {
    Problems problems = new Problems();
    if (raw.homeserver() == null) {
      problems.add("homeserver", "missing (expected url and access_token, access_token_file or"
          + " appservice_registration)");
    }
    if (raw.conference() == null) {
      problems.add("conference", "missing (expected id, time_zone and schedule)");
    }
    problems.throwIfAny(file);
  }

  private static RemovalGuard removalGuard(ConfigFile.RemovalGuardSection section,
      Problems problems) {
    String field = "conference.removal_guard";
    double share = Fields.percent(section == null ? null : section.share(), field + ".share",
        ConfigDefaults.REMOVAL_SHARE, problems);
    int most = Fields.number(section == null ? null : section.most(), field + ".most",
        ConfigDefaults.REMOVAL_MOST, 0, 100_000, problems);
    return new RemovalGuard(Math.max(0, Math.min(1, share)), Math.max(0, most));
  }

  private static Duration refreshEvery(String text, Problems problems) {
    Duration refresh = Fields.duration(text, "conference.refresh_every",
        ConfigDefaults.REFRESH_EVERY, problems);
    if (refresh.compareTo(ConfigDefaults.SHORTEST_REFRESH) < 0) {
      problems.add("conference.refresh_every", text + " is too short (expected at least "
          + ConfigDefaults.SHORTEST_REFRESH.toSeconds() + "s)");
    }
    return refresh;
  }

  private static Map<String, String> headers(Map<String, String> given,
      Problems problems) {
    Map<String, String> headers = new LinkedHashMap<>();
    (given == null ? Map.<String, String>of() : given).forEach((name, value) -> {
      if (!name.matches("[A-Za-z0-9!#$%&'*+.^_`|~-]+") || value == null
          || value.contains("\n")) {
        problems.add("conference.schedule_headers", "'" + name + "' is not a header name with a"
            + " one-line value");
      } else {
        headers.put(name, value.strip());
      }
    });
    return headers;
  }

  private static Optional<String> managementRoom(String value, Problems problems) {
    if (value == null || value.isBlank()) {
      return Optional.empty();
    }
    String room = value.strip();
    if (!room.matches("[#!][^:\\s]+:\\S+")) {
      problems.add("management_room", "'" + room + "' is not a room alias or id (expected"
          + " #name:server or !id:server)");
    }
    return Optional.of(room);
  }

  private static String homeserverUrl(String url, Problems problems) {
    String value = Fields.required(url, "homeserver.url", "e.g. https://matrix.example.org", problems);
    if (value != null && !Fields.isHttpUrl(value)) {
      problems.add("homeserver.url", "'" + value + "' is not an http(s) URL");
    }
    return value;
  }

  private static String token(ConfigFile.Homeserver hs, Optional<AppserviceRegistration> appservice,
      Path base, Problems problems) {
    long given = Stream.of(hs.accessToken(), hs.accessTokenFile(),
        hs.appserviceRegistration()).filter(Objects::nonNull).count();
    if (given != 1) {
      problems.add("homeserver", "set exactly one of access_token, access_token_file and"
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
        problems.add("homeserver.access_token_file", path + " is empty");
      }
      return token;
    } catch (IOException e) {
      problems.add("homeserver.access_token_file", "cannot read " + path
          + " (run scripts/synapse start for the local homeserver's token)");
      return null;
    }
  }

  private static ZoneId zone(String name, Problems problems) {
    String value = Fields.required(name, "conference.time_zone", "an IANA zone like Europe/Brussels",
        problems);
    if (value == null) {
      return null;
    }
    try {
      return ZoneId.of(value);
    } catch (DateTimeException e) {
      problems.add("conference.time_zone", "'" + value + "' is not a known time zone (expected an"
          + " IANA zone like Europe/Brussels)");
      return null;
    }
  }

  private static String schedule(String value, Path base, Problems problems) {
    String location = Fields.required(value, "conference.schedule", "a file path or an http(s) URL",
        problems);
    if (location == null || location.matches("https?://.*")) {
      return location;
    }
    return Fields.readableFile(location, base, "conference.schedule", problems).toString();
  }

  private static List<String> userIds(List<String> ids, String field, Problems problems) {
    List<String> out = new ArrayList<>();
    List<String> given = ids == null ? List.of() : ids;
    for (int i = 0; i < given.size(); i++) {
      String id = given.get(i) == null ? "" : given.get(i).strip();
      if (!USER_ID.matcher(id).matches()) {
        problems.add(field + "[" + i + "]", "'" + id + "' is not a Matrix user id (expected"
            + " @name:server)");
      } else {
        out.add(id);
      }
    }
    return out;
  }
}
