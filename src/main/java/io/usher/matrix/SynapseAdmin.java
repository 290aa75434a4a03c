package io.usher.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;

/**
 * Synapse's admin API for user accounts and rooms
 * (https://element-hq.github.io/synapse/latest/admin_api/user_admin_api.html,
 * https://element-hq.github.io/synapse/latest/admin_api/rooms.html), through a
 * {@link MatrixClient} whose token belongs to a server admin. Same errors, retries and rate
 * limit handling as the client.
 */
public final class SynapseAdmin {
  private static final int PAGE = 500;

  private final MatrixClient client;

  /** @param client authenticated as a server admin; nothing is sent until asked */
  public SynapseAdmin(MatrixClient client) {
    this.client = client;
  }

  /** Every local account's user id (deactivated ones too), read in pages of 500. */
  public List<String> userIds() {
    List<String> ids = new ArrayList<>();
    String from = "0";
    while (from != null) {
      Map<String, String> query = new LinkedHashMap<>();
      query.put("from", from);
      query.put("limit", Integer.toString(PAGE));
      query.put("guests", "false");
      query.put("deactivated", "true");
      JsonNode page = client.api().call(Routes.ADMIN_USERS.compile(), null, query);
      page.path("users").forEach(user -> ids.add(user.path("name").asText()));
      from = page.hasNonNull("next_token") ? page.path("next_token").asText() : null;
    }
    return ids;
  }

  /** One account's details ({@code displayname}, {@code threepids}, ...), or empty if none. */
  public Optional<Map<String, Object>> user(String userId) {
    try {
      return Optional.of(client.api().toMap(client.api().call(
          Routes.ADMIN_USER.compile("userId", userId), null, Map.of())));
    } catch (MatrixException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Who created a room, from the room's own record, which exists before any of its events: a
   * creation cut short leaves a room with none (room details API, {@code creator}).
   *
   * @return empty when the room is unknown, or the caller is not a server admin (403) or the
   *     homeserver has no Synapse admin API (404)
   */
  public Optional<String> roomCreator(String roomId) {
    try {
      return Optional.ofNullable(client.api().call(Routes.ADMIN_ROOM.compile("roomId", roomId),
          null, Map.of()).path("creator").textValue());
    } catch (MatrixException e) {
      if (e.isNotFound() || e.isForbidden() || e.status() == 400) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /**
   * Whether {@code userId} is exempt from rate limits by an admin override
   * ({@code messages_per_second} 0 in {@code GET .../override_ratelimit}).
   *
   * @throws MatrixException 403 when the caller is not a server admin, 404 when the homeserver
   *     has no Synapse admin API
   */
  public boolean isExemptFromRateLimits(String userId) {
    JsonNode override = client.api().call(
        Routes.ADMIN_GET_RATELIMIT.compile("userId", userId), null, Map.of());
    return override.has("messages_per_second")
        && override.path("messages_per_second").asDouble(-1) == 0;
  }

  /** Exempts {@code userId} from rate limits ({@code {"messages_per_second": 0, "burst_count": 0}}). */
  public void exemptFromRateLimits(String userId) {
    client.api().call(Routes.ADMIN_SET_RATELIMIT.compile("userId", userId),
        Map.of("messages_per_second", 0, "burst_count", 0), Map.of());
  }

  /**
   * Creates an account without a password (its owner logs in by single sign-on or resets the
   * password by e-mail), with a display name and an e-mail 3PID.
   */
  public void createUser(String userId, String displayName, String email) {
    Map<String, Object> body = new LinkedHashMap<>();
    body.put("displayname", displayName);
    body.put("threepids", List.of(Map.of("medium", "email", "address", email)));
    body.put("admin", false);
    client.api().call(Routes.ADMIN_PUT_USER.compile("userId", userId), body, Map.of());
  }
}
