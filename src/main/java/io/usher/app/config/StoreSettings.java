package io.usher.app.config;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.Optional;

/**
 * The validated {@code scheduler.store} section: the PostgreSQL database the bots of one
 * conference share (Quartz's clustered job store, the phase claims, the leader lock). The
 * password is never printed: see {@link #toString()}.
 *
 * @param jdbcUrl {@code jdbc:postgresql://host:port/database}
 * @param user the database role
 * @param password read from {@code password_file}
 * @param checkinInterval how often each bot checks in; one silent for about twice this long is
 *     taken over by another
 */
public record StoreSettings(String jdbcUrl, String user, String password,
    Duration checkinInterval) {
  private static final String FIELD = "scheduler.store";

  static Optional<StoreSettings> of(ConfigFile.StoreSection section, Path base,
      Problems problems) {
    if (section == null) {
      return Optional.empty();
    }
    String url = Fields.required(section.jdbcUrl(), FIELD + ".jdbc_url",
        "jdbc:postgresql://host:port/database", problems);
    if (url != null && !url.startsWith("jdbc:postgresql://")) {
      problems.add(FIELD + ".jdbc_url", "'" + url + "' is not a PostgreSQL JDBC URL (expected"
          + " jdbc:postgresql://host:port/database)");
    }
    String user = Fields.required(section.user(), FIELD + ".user", "the database role",
        problems);
    String password = password(section.passwordFile(), base, problems);
    Duration checkin = Fields.duration(section.checkinInterval(), FIELD + ".checkin_interval",
        ConfigDefaults.CHECKIN_INTERVAL, problems);
    if (checkin.compareTo(Duration.ofSeconds(1)) < 0 || checkin.compareTo(Duration.ofMinutes(1))
        > 0) {
      problems.add(FIELD + ".checkin_interval", section.checkinInterval() + " is out of range"
          + " (expected 1s to 1m)");
    }
    return Optional.of(new StoreSettings(url, user, password, checkin));
  }

  private static String password(String file, Path base, Problems problems) {
    String field = FIELD + ".password_file";
    if (Fields.required(file, field, "a file holding the role's password", problems) == null) {
      return null;
    }
    Path path = base.resolve(file);
    try {
      return Files.readString(path).strip();
    } catch (IOException e) {
      problems.add(field, "cannot read " + path + " (scripts/postgres start writes the local"
          + " database's)");
      return null;
    }
  }

  @Override
  public String toString() {
    return "StoreSettings[jdbcUrl=" + jdbcUrl + ", user=" + user + ", password=<redacted>]";
  }
}
