package io.usher;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.sql.Connection;
import java.sql.DriverManager;
import java.sql.SQLException;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The real PostgreSQL of scripts/postgres, for the clustered scheduler's tests. Started by the
 * script when it does not answer (the script is idempotent), as {@link LocalSynapse} is.
 */
public final class LocalPostgres {
  private static final Path DATA = Path.of(Optional.ofNullable(System.getenv(
      "USHER_POSTGRES_DATA")).orElse(".usher/postgres"));

  public final String url;
  public final String user;
  public final Path passwordFile;

  private LocalPostgres(Map<String, String> env) {
    this.url = env.get("USHER_POSTGRES_URL");
    this.user = env.get("USHER_POSTGRES_USER");
    this.passwordFile = Path.of(env.get("USHER_POSTGRES_PASSWORD_FILE")).toAbsolutePath();
  }

  /** A running local PostgreSQL, started by scripts/postgres if need be. */
  public static synchronized LocalPostgres get() {
    if (!script("status")) {
      if (!script("start")) {
        throw new IllegalStateException("scripts/postgres start failed");
      }
    }
    try {
      Map<String, String> env = new HashMap<>();
      for (String line : Files.readAllLines(DATA.resolve("env"))) {
        int eq = line.indexOf('=');
        if (eq > 0) {
          env.put(line.substring(0, eq), line.substring(eq + 1));
        }
      }
      return new LocalPostgres(env);
    } catch (IOException e) {
      throw new IllegalStateException("cannot read " + DATA.resolve("env"), e);
    }
  }

  /** Stops the server (fast shutdown): every session is cut, as in a database failover. */
  public void stop() {
    if (!script("stop")) {
      throw new IllegalStateException("scripts/postgres stop failed");
    }
  }

  public void start() {
    if (!script("start")) {
      throw new IllegalStateException("scripts/postgres start failed");
    }
  }

  /** The {@code scheduler.store} section for this database. */
  public String storeYaml() {
    return """
        scheduler:
          store:
            jdbc_url: %s
            user: %s
            password_file: %s
        """.formatted(url, user, passwordFile);
  }

  public Connection connect() throws SQLException {
    try {
      return DriverManager.getConnection(url, user, Files.readString(passwordFile).strip());
    } catch (IOException e) {
      throw new SQLException("cannot read " + passwordFile, e);
    }
  }

  private static boolean script(String command) {
    try {
      return new ProcessBuilder("scripts/postgres", command).inheritIO().start().waitFor() == 0;
    } catch (IOException e) {
      throw new IllegalStateException("cannot run scripts/postgres " + command, e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }
}
