package io.usher.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.JsonNode;
import java.time.Duration;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;

/**
 * A thin typed client for the Matrix client-server API
 * (https://spec.matrix.org/latest/client-server-api/): one method per endpoint, authenticated
 * with an access token sent only in the {@code Authorization} header. Knows nothing of
 * conferences. Thread-safe.
 *
 * <p>Every method throws {@link MatrixException} when the homeserver answers with an error (after
 * rate limits were waited out and server errors retried by the {@link RateLimiter}) or does not
 * answer; its message never contains the access token.
 */
public final class MatrixClient {
  private final JsonApi api;
  private final Events events;

  MatrixClient(HttpUrl baseUrl, String accessToken, OkHttpClient http, RetryPolicy policy,
      Sleeper sleeper, RateLimitListener listener) {
    this.api = new JsonApi(baseUrl, accessToken, http, policy, sleeper, listener);
    this.events = new Events(api);
  }

  /**
   * @param baseUrl the homeserver's client-server API base, e.g. {@code https://matrix.example.org}
   * @param accessToken sent in the {@code Authorization} header only, never logged
   * @param listener told of each HTTP 429 before it is waited out
   * @throws IllegalArgumentException when the URL is not http(s)
   */
  public static MatrixClient create(String baseUrl, String accessToken, RetryPolicy policy,
      RateLimitListener listener) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    OkHttpClient http = new OkHttpClient.Builder()
        .connectTimeout(Duration.ofSeconds(10))
        .readTimeout(Duration.ofSeconds(120))
        .build();
    return new MatrixClient(url, accessToken, http, policy, Sleeper.real(), listener);
  }

  /**
   * Tells {@code listener} too of each HTTP 429 (before the client waits it out) until the
   * returned action is run: a bulk job's progress uses it for its ETA.
   */
  public Runnable addRateLimitListener(RateLimitListener listener) {
    return api.limiter().addListener(listener);
  }

  /** The requests sent so far, by endpoint. */
  public RequestStats stats() {
    return api.stats();
  }

  /** {@code GET /account/whoami}: the user the token belongs to. */
  public WhoAmI whoami() {
    JsonNode body = call(Routes.WHOAMI.compile(), null);
    return new WhoAmI(body.path("user_id").asText(), body.path("device_id").asText(null));
  }

  /**
   * {@code GET /joined_rooms}: the ids of every room the bot is joined to
   * (https://spec.matrix.org/latest/client-server-api/#get_matrixclientv3joined_rooms).
   */
  public Set<String> joinedRooms() {
    Set<String> ids = new HashSet<>();
    call(Routes.JOINED_ROOMS.compile(), null).path("joined_rooms")
        .forEach(id -> ids.add(id.asText()));
    return ids;
  }

  /** {@code GET /capabilities}: the room version new rooms get by default ({@code "10"}, ...). */
  public String defaultRoomVersion() {
    JsonNode body = call(Routes.CAPABILITIES.compile(), null);
    return body.path("capabilities").path("m.room_versions").path("default").asText("1");
  }

  /** {@code POST /createRoom}; returns the new room's id. */
  public String createRoom(CreateRoomRequest request) {
    return call(Routes.CREATE_ROOM.compile(), request).path("room_id").asText();
  }

  /**
   * {@code GET /rooms/{roomId}/state/{type}/{stateKey}}: the content, or empty when the room has
   * no such state event (404 {@code M_NOT_FOUND}).
   */
  public Optional<Map<String, Object>> getState(String roomId, String type, String stateKey) {
    try {
      return Optional.of(api.toMap(call(Routes.GET_STATE.compile(
          "roomId", roomId, "type", type, "stateKey", stateKey), null)));
    } catch (MatrixException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code PUT /rooms/{roomId}/state/{type}/{stateKey}}; returns the event id. */
  public String putState(String roomId, String type, String stateKey,
      Map<String, Object> content) {
    return call(Routes.PUT_STATE.compile("roomId", roomId, "type", type, "stateKey", stateKey),
        content).path("event_id").asText();
  }

  /** {@code POST /rooms/{roomId}/invite}. */
  public void invite(String roomId, String userId) {
    call(Routes.INVITE.compile("roomId", roomId), Map.of("user_id", userId));
  }

  /**
   * {@code POST /rooms/{roomId}/invite} by e-mail: a 3PID invite
   * (https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidinvite-1),
   * which the homeserver sends through the identity server {@code idServer} (a host name,
   * without scheme).
   */
  public void inviteByEmail(String roomId, String idServer, String idAccessToken,
      String email) {
    call(Routes.INVITE.compile("roomId", roomId), Map.of("id_server", idServer,
        "id_access_token", idAccessToken, "medium", "email", "address", email));
  }

  /**
   * {@code POST /user/{userId}/openid/request_token}: an OpenID token an identity server
   * accepts to register the bot ({@code access_token, token_type, matrix_server_name,
   * expires_in} in seconds).
   */
  public Map<String, Object> openIdToken(String userId) {
    return api.toMap(call(Routes.OPENID_TOKEN.compile("userId", userId), Map.of()));
  }

  /**
   * {@code POST /user/{userId}/filter}: stores a filter (a JSON string) and returns its id, for
   * filters too long to send in a URL (one listing many rooms).
   */
  public String uploadFilter(String userId, String filterJson) {
    try {
      return call(Routes.UPLOAD_FILTER.compile("userId", userId),
          api.json().readTree(filterJson)).path("filter_id").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("filter is not JSON", e);
    }
  }

  /**
   * {@code GET /rooms/{roomId}/members}: the current {@code m.room.member} event of everyone
   * with a membership (join, invite, leave, ban, knock).
   */
  public List<RoomEvent> members(String roomId) {
    return events.roomEvents(
        call(Routes.MEMBERS.compile("roomId", roomId), null).path("chunk"));
  }

  /**
   * Sends requests to one endpoint no faster than {@code perSecond} (spread over time rather
   * than in bursts), across all threads; for bulk invites and account creation.
   *
   * @param perSecond requests per second, more than 0
   * @throws IllegalArgumentException when {@code perSecond} is not positive
   */
  public void pace(PacedRoute endpoint, double perSecond) {
    api.limiter().pace(endpoint.route(), perSecond);
  }

  /**
   * Sends an {@code m.notice} with a plain body and an HTML {@code formatted_body}. The caller's
   * {@code txnId} makes a retried send idempotent; returns the event id.
   */
  public String sendNotice(String roomId, String txnId, String body, String html) {
    return sendNotice(roomId, txnId, body, html, Map.of());
  }

  /**
   * {@code PUT /rooms/{roomId}/send/m.room.message/{txnId}}: an {@code m.notice} with a plain
   * body, an HTML {@code formatted_body} (when not null) and {@code extra} content keys. Synapse
   * remembers a transaction id of the same access token for 24 hours and answers a repeat with
   * the first event's id, so a deterministic {@code txnId} makes a send idempotent across
   * restarts. Returns the event id.
   */
  public String sendNotice(String roomId, String txnId, String body, String html,
      Map<String, Object> extra) {
    Map<String, Object> content = new LinkedHashMap<>();
    content.put("msgtype", "m.notice");
    content.put("body", body);
    if (html != null) {
      content.put("format", "org.matrix.custom.html");
      content.put("formatted_body", html);
    }
    content.putAll(extra);
    return sendMessage(roomId, txnId, content);
  }

  /**
   * {@code PUT /rooms/{roomId}/send/m.room.message/{txnId}} with any message content
   * ({@code msgtype}, {@code body}, ...); returns the event id.
   */
  public String sendMessage(String roomId, String txnId, Map<String, Object> content) {
    return sendEvent(roomId, "m.room.message", txnId, content);
  }

  /** {@code GET /rooms/{roomId}/state}: every current state event of a room the bot is in. */
  public List<RoomEvent> roomState(String roomId) {
    return events.roomEvents(call(Routes.ROOM_STATE.compile("roomId", roomId), null));
  }

  /**
   * {@code GET /rooms/{roomId}/messages}: up to {@code limit} events from {@code from} (null for
   * the newest, with {@code dir} "b") in direction {@code dir} ("b" or "f"), filtered by a
   * RoomEventFilter given as JSON (null for none).
   */
  public MessagesPage messages(String roomId, String from, String dir, int limit,
      String filterJson) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("dir", dir);
    query.put("limit", Integer.toString(limit));
    if (from != null) {
      query.put("from", from);
    }
    if (filterJson != null) {
      query.put("filter", filterJson);
    }
    return events.messages(api.call(Routes.MESSAGES.compile("roomId", roomId), null, query));
  }

  /**
   * {@code PUT /rooms/{roomId}/send/{eventType}/{txnId}}: any room event (a reaction, say);
   * returns its event id.
   */
  public String sendEvent(String roomId, String type, String txnId, Map<String, Object> content) {
    return call(Routes.SEND.compile("roomId", roomId, "type", type, "txnId", txnId), content)
        .path("event_id").asText();
  }

  /** {@code POST /join/{roomIdOrAlias}}: joins (a no-op when joined) and returns the room id. */
  public String join(String roomIdOrAlias) {
    return call(Routes.JOIN.compile("roomIdOrAlias", roomIdOrAlias), Map.of())
        .path("room_id").asText();
  }

  /** {@code POST /rooms/{roomId}/leave}: leaves the room, or rejects an invite to it. */
  public void leave(String roomId) {
    call(Routes.LEAVE.compile("roomId", roomId), Map.of());
  }

  /** {@code PUT /user/{userId}/rooms/{roomId}/account_data/{type}}: private to the user. */
  public void putRoomAccountData(String userId, String roomId, String type,
      Map<String, Object> content) {
    call(Routes.PUT_ROOM_ACCOUNT_DATA.compile("userId", userId, "roomId", roomId, "type", type),
        content);
  }

  /**
   * {@code GET /sync} with an inline filter (a JSON string) or a filter id, from {@code since} (null for an
   * initial sync), waiting at most {@code timeout} for new events.
   */
  public SyncResponse sync(String filterJson, String since, Duration timeout) {
    Map<String, String> query = new LinkedHashMap<>();
    query.put("filter", filterJson);
    query.put("timeout", Long.toString(timeout.toMillis()));
    if (since != null) {
      query.put("since", since);
    }
    return events.sync(api.call(Routes.SYNC.compile(), null, query));
  }

  /** {@code GET /directory/room/{roomAlias}}: the room id, or empty when the alias is unknown. */
  public Optional<String> resolveAlias(String alias) {
    try {
      return Optional.of(call(Routes.RESOLVE_ALIAS.compile("alias", alias), null)
          .path("room_id").asText());
    } catch (MatrixException e) {
      if (e.isNotFound()) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** A request without a query string; the answer's JSON. */
  private JsonNode call(Route.Compiled route, Object body) {
    return api.call(route, body, Map.of());
  }

  /** The plumbing, for the other typed clients of this package. */
  JsonApi api() {
    return api;
  }
}
