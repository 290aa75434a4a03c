package io.usher.matrix;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.type.TypeReference;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.util.Map;
import java.util.Objects;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;

/**
 * The JSON plumbing under the typed clients: builds a request for a compiled route, sends it
 * through the {@link RateLimiter} with the access token in the {@code Authorization} header
 * only, and turns the answer into a JSON tree or a {@link MatrixException}.
 */
final class JsonApi {
  private static final MediaType JSON = MediaType.get("application/json");
  private static final TypeReference<Map<String, Object>> OBJECT = new TypeReference<>() {};

  private final HttpUrl baseUrl;
  private final String authorization;
  private final ObjectMapper json;
  private final RateLimiter limiter;
  private final RequestStats stats;

  JsonApi(HttpUrl baseUrl, String accessToken, OkHttpClient http, RetryPolicy policy,
      Sleeper sleeper, RateLimitListener listener) {
    this.baseUrl = baseUrl;
    this.authorization = "Bearer " + Objects.requireNonNull(accessToken, "accessToken");
    this.json = new ObjectMapper();
    this.stats = new RequestStats();
    this.limiter = new RateLimiter(http, policy, sleeper, listener, stats, json);
  }

  RateLimiter limiter() {
    return limiter;
  }

  RequestStats stats() {
    return stats;
  }

  ObjectMapper json() {
    return json;
  }

  /** A JSON object as a map; an empty map for anything else. */
  Map<String, Object> toMap(JsonNode node) {
    return node.isObject() ? json.convertValue(node, OBJECT) : Map.of();
  }

  /**
   * Sends one request and returns its JSON body: an object, or an array where the endpoint
   * answers with one ({@code GET /rooms/{roomId}/state}).
   *
   * @param body serialised as JSON; null for none
   * @throws MatrixException for an error answer, a non-JSON body or no answer
   */
  JsonNode call(Route.Compiled compiled, Object body, Map<String, String> query) {
    Route route = compiled.route();
    HttpUrl.Builder url = baseUrl.newBuilder().encodedPath(
        baseUrl.encodedPath().replaceAll("/$", "") + compiled.path());
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
        throw new MatrixException(route.toString(), result.status(), ErrorCode.M_NOT_JSON,
            "response body is not a JSON object: " + excerpt(result.body()), null);
      }
      return body;
    }
    if (body != null && body.hasNonNull("errcode")) {
      throw new MatrixException(route.toString(), result.status(), body.path("errcode").asText(),
          body.path("error").asText(""), null);
    }
    throw new MatrixException(route.toString(), result.status(), ErrorCode.M_UNKNOWN,
        excerpt(result.body()), null);
  }

  private static String excerpt(String text) {
    String flat = text == null ? "" : text.replaceAll("\\s+", " ").strip();
    return flat.length() > 200 ? flat.substring(0, 200) + "…" : flat;
  }
}
