package io.usher.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.Collections;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

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
  private static final MediaType JSON = MediaType.get("application/json");
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final HttpUrl baseUrl;
  private final String authorization;
  private final ObjectMapper json;
  private final RateLimiter limiter;
  private final RequestStats stats;

  MatrixClient(HttpUrl baseUrl, String accessToken, OkHttpClient http, RetryPolicy policy,
      Sleeper sleeper, RateLimitListener listener) {
    this.baseUrl = baseUrl;
    this.authorization = "Bearer " + Objects.requireNonNull(accessToken, "accessToken");
    this.json = new ObjectMapper();
    this.stats = new RequestStats();
    this.limiter = new RateLimiter(http, policy, sleeper, listener, stats, json);
  }

  /**
   * @param baseUrl the homeserver's client-server API base, e.g. {@code https://matrix.example.org}
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
    return limiter.addListener(listener);
  }

  /** The requests sent so far, by endpoint. */
  public RequestStats stats() {
    return stats;
  }

  /** {@code GET /account/whoami}: the user the token belongs to. */
  public WhoAmI whoami() {
    JsonNode body = call(Routes.WHOAMI, null, Map.of());
    return new WhoAmI(body.path("user_id").asText(), body.path("device_id").asText(null));
  }

  /** {@code GET /capabilities}: the room version new rooms get by default ({@code "10"}, ...). */
  public String defaultRoomVersion() {
    JsonNode body = call(Routes.CAPABILITIES, null, Map.of());
    return body.path("capabilities").path("m.room_versions").path("default").asText("1");
  }

  /** {@code POST /createRoom}; returns the new room's id. */
  public String createRoom(CreateRoomRequest request) {
    return call(Routes.CREATE_ROOM, request, Map.of()).path("room_id").asText();
  }

  /**
   * {@code GET /rooms/{roomId}/state/{type}/{stateKey}}: the content, or empty when the room has
   * no such state event (404 {@code M_NOT_FOUND}).
   */
  public Optional<Map<String, Object>> getState(String roomId, String type, String stateKey) {
    try {
      return Optional.of(toMap(call(Routes.GET_STATE, null, Map.of(), roomId, type, stateKey)));
    } catch (MatrixException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  /** {@code PUT /rooms/{roomId}/state/{type}/{stateKey}}; returns the event id. */
  public String putState(String roomId, String type, String stateKey,
      Map<String, Object> content) {
    return call(Routes.PUT_STATE, content, Map.of(), roomId, type, stateKey)
        .path("event_id").asText();
  }

  /** {@code POST /rooms/{roomId}/invite}. */
  public void invite(String roomId, String userId) {
    call(Routes.INVITE, Map.of("user_id", userId), Map.of(), roomId);
  }

  /**
   * {@code POST /rooms/{roomId}/invite} by e-mail: a 3PID invite
   * (https://spec.matrix.org/latest/client-server-api/#post_matrixclientv3roomsroomidinvite-1),
   * which the homeserver sends through the identity server {@code idServer} (a host name,
   * without scheme).
   */
  public void inviteByEmail(String roomId, String idServer, String idAccessToken,
      String email) {
    call(Routes.INVITE, Map.of("id_server", idServer, "id_access_token", idAccessToken,
        "medium", "email", "address", email), Map.of(), roomId);
  }

  /**
   * {@code POST /user/{userId}/openid/request_token}: an OpenID token an identity server
   * accepts to register the bot ({@code access_token, token_type, matrix_server_name,
   * expires_in} in seconds).
   */
  public Map<String, Object> openIdToken(String userId) {
    return toMap(call(Routes.OPENID_TOKEN, Map.of(), Map.of(), userId));
  }

  /**
   * {@code POST /user/{userId}/filter}: stores a filter (a JSON string) and returns its id, for
   * filters too long to send in a URL (one listing many rooms).
   */
  public String uploadFilter(String userId, String filterJson) {
    try {
      return call(Routes.UPLOAD_FILTER, json.readTree(filterJson), Map.of(), userId)
          .path("filter_id").asText();
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException("filter is not JSON", e);
    }
  }

  /**
   * {@code GET /rooms/{roomId}/members}: the current {@code m.room.member} event of everyone
   * with a membership (join, invite, leave, ban, knock).
   */
  public List<RoomEvent> members(String roomId) {
    List<RoomEvent> events = new ArrayList<>();
    call(Routes.MEMBERS, null, Map.of(), roomId).path("chunk")
        .forEach(e -> events.add(roomEvent(e)));
    return events;
  }

  /**
   * Sends requests to one endpoint no faster than {@code perSecond} (spread over time rather
   * than in bursts), across all threads; for bulk invites and account creation.
   *
   * @param endpoint the endpoint's short name as counted in {@link #stats()}, e.g.
   *     {@code invite}
   */
  public void pace(String endpoint, double perSecond) {
    limiter.pace(endpoint, perSecond);
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
    List<RoomEvent> events = new ArrayList<>();
    call(Routes.ROOM_STATE, null, Map.of(), roomId).forEach(e -> events.add(roomEvent(e)));
    return events;
  }

  /**
   * {@code GET /rooms/{roomId}/messages}, backwards from the newest: at most {@code limit} events,
   * returned oldest first.
   */
  public List<RoomEvent> recentMessages(String roomId, int limit) {
    List<RoomEvent> events = new ArrayList<>(messages(roomId, null, "b", limit, null).chunk());
    Collections.reverse(events);
    return events;
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
    JsonNode body = call(Routes.MESSAGES, null, query, roomId);
    List<RoomEvent> chunk = new ArrayList<>();
    body.path("chunk").forEach(e -> chunk.add(roomEvent(e)));
    List<RoomEvent> state = new ArrayList<>();
    body.path("state").forEach(e -> state.add(roomEvent(e)));
    String end = body.path("end").asText("");
    return new MessagesPage(chunk, body.path("start").asText(""),
        end.isEmpty() ? Optional.empty() : Optional.of(end), state);
  }

  /**
   * {@code PUT /rooms/{roomId}/send/{eventType}/{txnId}}: any room event (a reaction, say);
   * returns its event id.
   */
  public String sendEvent(String roomId, String type, String txnId, Map<String, Object> content) {
    return call(Routes.SEND, content, Map.of(), roomId, type, txnId).path("event_id").asText();
  }

  /** {@code POST /join/{roomIdOrAlias}}: joins (a no-op when joined) and returns the room id. */
  public String join(String roomIdOrAlias) {
    return call(Routes.JOIN, Map.of(), Map.of(), roomIdOrAlias).path("room_id").asText();
  }

  /** {@code POST /rooms/{roomId}/leave}: leaves the room, or rejects an invite to it. */
  public void leave(String roomId) {
    call(Routes.LEAVE, Map.of(), Map.of(), roomId);
  }

  /** {@code PUT /user/{userId}/rooms/{roomId}/account_data/{type}}: private to the user. */
  public void putRoomAccountData(String userId, String roomId, String type,
      Map<String, Object> content) {
    call(Routes.PUT_ROOM_ACCOUNT_DATA, content, Map.of(), userId, roomId, type);
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
    JsonNode body = call(Routes.SYNC, null, query);
    Map<String, SyncResponse.JoinedRoom> rooms = new LinkedHashMap<>();
    body.path("rooms").path("join").fields().forEachRemaining(room -> {
      List<StateEvent> state = new ArrayList<>();
      addStateEvents(room.getValue().path("state").path("events"), state);
      addStateEvents(room.getValue().path("timeline").path("events"), state);
      List<RoomEvent> timeline = new ArrayList<>();
      room.getValue().path("timeline").path("events").forEach(e -> timeline.add(roomEvent(e)));
      Map<String, Map<String, Object>> accountData = new LinkedHashMap<>();
      room.getValue().path("account_data").path("events").forEach(
          e -> accountData.put(e.path("type").asText(), toMap(e.path("content"))));
      rooms.put(room.getKey(), new SyncResponse.JoinedRoom(state, timeline, accountData));
    });
    return new SyncResponse(body.path("next_batch").asText(null), rooms);
  }

  /** {@code GET /directory/room/{roomAlias}}: the room id, or empty when the alias is unknown. */
  public Optional<String> resolveAlias(String alias) {
    try {
      return Optional.of(call(Routes.RESOLVE_ALIAS, null, Map.of(), alias)
          .path("room_id").asText());
    } catch (MatrixException e) {
      if (e.status() == 404) {
        return Optional.empty();
      }
      throw e;
    }
  }

  private void addStateEvents(JsonNode events, List<StateEvent> out) {
    for (JsonNode event : events) {
      if (event.has("state_key")) {
        out.add(new StateEvent(event.path("type").asText(), event.path("state_key").asText(),
            toMap(event.path("content"))));
      }
    }
  }

  private RoomEvent roomEvent(JsonNode event) {
    Map<String, Object> content = toMap(event.path("content"));
    if (event.has("redacts") && !content.containsKey("redacts")) {
      // Room versions before 11 carry a redaction's target outside its content.
      content = new LinkedHashMap<>(content);
      content.put("redacts", event.path("redacts").asText());
    }
    return new RoomEvent(event.path("event_id").asText(), event.path("type").asText(),
        event.has("state_key") ? Optional.of(event.path("state_key").asText()) : Optional.empty(),
        event.path("sender").asText(), event.path("origin_server_ts").asLong(), content);
  }

  Map<String, Object> toMap(JsonNode node) {
    return node.isObject() ? json.convertValue(node, OBJECT) : Map.of();
  }

  JsonNode call(Route route, Object body, Map<String, String> query, String... params) {
    HttpUrl.Builder url = baseUrl.newBuilder().encodedPath(
        baseUrl.encodedPath().replaceAll("/$", "") + route.path(params));
    query.forEach(url::addQueryParameter);
    RequestBody requestBody = body == null ? null : RequestBody.create(encode(route, body), JSON);
    HttpUrl target = url.build();
    HttpResult result = limiter.execute(route, () -> new Request.Builder()
        .url(target)
        .header("Authorization", authorization)
        .method(route.method(), requestBody)
        .build());
    return decode(route, result);
  }

  private byte[] encode(Route route, Object body) {
    try {
      return json.writeValueAsBytes(body);
    } catch (JsonProcessingException e) {
      throw new IllegalArgumentException(route + ": request body is not serialisable", e);
    }
  }

  private JsonNode decode(Route route, HttpResult result) {
    JsonNode body;
    try {
      body = json.readTree(result.body());
    } catch (IOException e) {
      body = null;
    }
    if (result.ok()) {
      if (body == null || !(body.isObject() || body.isArray() && route == Routes.ROOM_STATE)) {
        throw new MatrixException(route.toString(), result.status(), "M_NOT_JSON",
            "response body is not a JSON object: " + excerpt(result.body()), null);
      }
      return body;
    }
    if (body != null && body.hasNonNull("errcode")) {
      throw new MatrixException(route.toString(), result.status(), body.path("errcode").asText(),
          body.path("error").asText(""), null);
    }
    throw new MatrixException(route.toString(), result.status(), "M_UNKNOWN",
        excerpt(result.body()), null);
  }

  private static String excerpt(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }
}
