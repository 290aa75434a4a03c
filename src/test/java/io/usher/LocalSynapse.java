package io.usher;

import io.usher.matrix.MatrixClient;
import io.usher.matrix.RetryPolicy;
import java.io.IOException;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Duration;
import java.util.HashMap;
import java.util.Map;
import java.util.Optional;

/**
 * The real Synapse of scripts/synapse, for integration tests. Started by the script when it is
 * not answering (the script is idempotent), so {@code mvn test} works on its own as well as
 * through scripts/test.
 */
public final class LocalSynapse {
  /** scripts/synapse's folder: {@code USHER_SYNAPSE_DATA}, as the script reads it. */
  private static final Path DATA = Path.of(Optional.ofNullable(System.getenv("USHER_SYNAPSE_DATA"))
      .orElse(".usher/synapse"));
  private static final Path TOKENS = DATA.resolve("tokens.env");

  public final String url;
  public final String botToken;
  public final String adminToken;
  public final Path botTokenFile = DATA.resolve("bot.token").toAbsolutePath();
  /** Its homeserver.yaml, as scripts/synapse writes it. */
  public final Path config = DATA.resolve("homeserver.yaml").toAbsolutePath();

  private LocalSynapse(Map<String, String> env) {
    this.url = env.get("HOMESERVER_URL");
    this.botToken = env.get("BOT_TOKEN");
    this.adminToken = env.get("ADMIN_TOKEN");
  }

  /** A running local Synapse, started by scripts/synapse if need be. */
  public static synchronized LocalSynapse get() {
    try {
      if (!Files.exists(TOKENS) || !answers(read().get("HOMESERVER_URL"))) {
        Process start = new ProcessBuilder("scripts/synapse", "start").inheritIO().start();
        if (start.waitFor() != 0) {
          throw new IllegalStateException("scripts/synapse start failed");
        }
      }
      return new LocalSynapse(read());
    } catch (IOException e) {
      throw new IllegalStateException("cannot start the local Synapse", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Installs an application service registration where scripts/synapse loads them from, and
   * restarts Synapse so that it does.
   *
   * @return where it was installed
   */
  public static synchronized Path installAppservice(Path registration) {
    try {
      Path installed = DATA.resolve("appservices").resolve("usher-test.yaml");
      Files.createDirectories(installed.getParent());
      Files.copy(registration, installed, java.nio.file.StandardCopyOption.REPLACE_EXISTING);
      for (String command : new String[] {"stop", "start"}) {
        if (new ProcessBuilder("scripts/synapse", command).inheritIO().start().waitFor() != 0) {
          throw new IllegalStateException("scripts/synapse " + command + " failed");
        }
      }
      return installed.toAbsolutePath();
    } catch (IOException e) {
      throw new IllegalStateException("cannot install the registration", e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  /**
   * Whether this homeserver can be made to lag: Synapse with workers started with
   * {@code USHER_SYNAPSE_LAG_MS} set (scripts/test-workers does), whose reader worker hears of
   * writes through scripts/lag_proxy.py.
   */
  public static boolean canLag() {
    return Files.exists(DATA.resolve("lag-proxy.pid"));
  }

  /**
   * Makes the reader worker hear of every write {@code delay} late until the returned handle is
   * closed (then none). See {@link #canLag()}.
   */
  public static AutoCloseable lagReads(Duration delay) throws IOException {
    Path file = DATA.resolve("lag_ms");
    Files.writeString(file, Long.toString(delay.toMillis()));
    return () -> Files.writeString(file, "0");
  }

  public MatrixClient bot() {
    return MatrixClient.create(url, botToken, RetryPolicy.defaults(), (e, w) -> { });
  }

  public MatrixClient admin() {
    return MatrixClient.create(url, adminToken, RetryPolicy.defaults(), (e, w) -> { });
  }

  /**
   * A client for an ordinary (not admin) user, created with the admin API when missing
   * (https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html#create-or-modify-account)
   * and given a token by the admin login API, which, unlike /login, is not rate-limited.
   */
  public MatrixClient user(String localpart) {
    return MatrixClient.create(url, token(localpart, false), RetryPolicy.defaults(),
        (e, w) -> { });
  }

  /** An access token of {@code @localpart:localhost}, made a server admin or not. */
  public String token(String localpart, boolean admin) {
    String path = "/_synapse/admin/v2/users/%40" + localpart + "%3Alocalhost";
    post("PUT", path, adminToken, "{\"password\":\"pw-" + localpart + "\",\"admin\":" + admin
        + "}");
    String login = post("POST", path.replace("/v2/", "/v1/") + "/login", adminToken, "{}");
    return login.replaceAll("(?s).*\"access_token\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  /** {@code GET path} with {@code token}: the body of a 2xx answer. */
  public String get(String path, String token) {
    return post("GET", path, token, null);
  }

  /** {@code POST path} with a JSON body and {@code token} (null for none): a 2xx answer's body. */
  public String post(String path, String token, String body) {
    return post("POST", path, token, body);
  }

  /** {@code PUT path} with a JSON body and {@code token}: a 2xx answer's body. */
  public String put(String path, String token, String body) {
    return post("PUT", path, token, body);
  }

  private String post(String method, String path, String token, String body) {
    try {
      HttpRequest.Builder request = HttpRequest.newBuilder(URI.create(url + path))
          .method(method, body == null ? HttpRequest.BodyPublishers.noBody()
              : HttpRequest.BodyPublishers.ofString(body))
          .header("Content-Type", "application/json");
      if (token != null) {
        request.header("Authorization", "Bearer " + token);
      }
      HttpResponse<String> response = HttpClient.newHttpClient().send(request.build(),
          HttpResponse.BodyHandlers.ofString());
      if (response.statusCode() >= 300) {
        throw new IllegalStateException(method + " " + path + ": " + response.statusCode() + " "
            + response.body());
      }
      return response.body();
    } catch (IOException e) {
      throw new IllegalStateException(e);
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException(e);
    }
  }

  private static Map<String, String> read() throws IOException {
    Map<String, String> env = new HashMap<>();
    for (String line : Files.readAllLines(TOKENS)) {
      int eq = line.indexOf('=');
      if (eq > 0) {
        env.put(line.substring(0, eq), line.substring(eq + 1));
      }
    }
    return env;
  }

  private static boolean answers(String url) {
    try {
      HttpResponse<Void> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
          URI.create(url + "/_matrix/client/versions")).timeout(Duration.ofSeconds(2)).build(),
          HttpResponse.BodyHandlers.discarding());
      return response.statusCode() == 200;
    } catch (IOException | RuntimeException e) {
      return false;
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      return false;
    }
  }
}
