package io.usher.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Base64;
import java.util.Collection;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The identity server calls the bot makes itself (identity service API v2,
 * https://spec.matrix.org/latest/identity-service-api/): registering with an OpenID token for an
 * {@code id_access_token} (#post_matrixidentityv2accountregister), which the homeserver needs
 * for 3PID invites, and looking up which Matrix ids e-mail addresses are bound to
 * (#get_matrixidentityv2hash_details, #post_matrixidentityv2lookup). The invites themselves go
 * through the homeserver. The access token is sent as {@code Authorization: Bearer} and never
 * appears in an exception's message.
 */
public final class IdentityServerClient {
  private static final String V2 = "/_matrix/identity/v2/";
  private static final String SHA256 = "sha256";
  private static final MediaType JSON = MediaType.get("application/json");

  private final HttpUrl baseUrl;
  private final OkHttpClient http = new OkHttpClient.Builder()
      .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).build();
  private final ObjectMapper json = new ObjectMapper();

  /**
   * The answer of {@code GET /_matrix/identity/v2/hash_details}: {@code {"algorithms":
   * ["none", "sha256"], "lookup_pepper": "matrixrocks"}}.
   */
  public record HashDetails(List<String> algorithms, String lookupPepper) {
    public HashDetails {
      algorithms = List.copyOf(algorithms);
    }
  }

  /** @param baseUrl e.g. {@code https://vector.im} */
  public IdentityServerClient(String baseUrl) {
    HttpUrl url = HttpUrl.parse(baseUrl);
    if (url == null) {
      throw new IllegalArgumentException("not an http(s) URL: " + baseUrl);
    }
    this.baseUrl = url;
  }

  /** The host (and port, if not the default) the homeserver is told to use as {@code id_server}. */
  public String idServer() {
    return baseUrl.port() == HttpUrl.defaultPort(baseUrl.scheme())
        ? baseUrl.host() : baseUrl.host() + ":" + baseUrl.port();
  }

  /**
   * Registers with the OpenID token from {@link MatrixClient#openIdToken(String)}; returns the
   * identity server access token.
   *
   * @throws MatrixException when the identity server refuses (for example
   *     {@code M_TERMS_NOT_SIGNED}) or does not answer
   */
  public String register(Map<String, Object> openIdToken) {
    JsonNode body = call("POST", "account/register", null, openIdToken);
    if (!body.hasNonNull("token")) {
      throw new MatrixException("POST " + V2 + "account/register", 200, ErrorCode.M_UNKNOWN,
          "no token in the answer", null);
    }
    return body.path("token").asText();
  }

  /** {@code GET /_matrix/identity/v2/hash_details}: the algorithms and the pepper to hash with. */
  public HashDetails hashDetails(String accessToken) {
    JsonNode body = call("GET", "hash_details", accessToken, null);
    List<String> algorithms = new ArrayList<>();
    body.path("algorithms").forEach(a -> algorithms.add(a.asText()));
    return new HashDetails(algorithms, body.path("lookup_pepper").asText(""));
  }

  /**
   * The Matrix ids e-mail addresses are bound to, in one {@code POST
   * /_matrix/identity/v2/lookup} (after {@code hash_details}): {@code {"algorithm": "sha256",
   * "pepper": P, "addresses": [hash, ...]}}, answered {@code {"mappings": {hash: mxid}}}.
   *
   * @param addresses e-mail addresses as given (matched case-insensitively)
   * @return each bound address, as given, to its Matrix id; unbound ones are absent
   * @throws MatrixException when the identity server refuses (an unknown token is
   *     {@code M_UNAUTHORIZED}), offers no {@code sha256}, or does not answer
   */
  public Map<String, String> lookupEmails(String accessToken, Collection<String> addresses) {
    Map<String, String> bound = new LinkedHashMap<>();
    if (addresses.isEmpty()) {
      return bound;
    }
    HashDetails details = hashDetails(accessToken);
    if (!details.algorithms().contains(SHA256)) {
      throw new MatrixException("GET " + V2 + "hash_details", 200, ErrorCode.UNRECOGNISED.name(),
          "the identity server offers no sha256 lookup, only " + details.algorithms(), null);
    }
    Map<String, String> byHash = new LinkedHashMap<>();
    addresses.forEach(a -> byHash.put(lookupHash(a, "email", details.lookupPepper()), a));
    JsonNode mappings = call("POST", "lookup", accessToken, Map.of("algorithm", SHA256,
        "pepper", details.lookupPepper(), "addresses", List.copyOf(byHash.keySet())))
        .path("mappings");
    byHash.forEach((hash, address) -> {
      if (mappings.hasNonNull(hash)) {
        bound.put(address, mappings.path(hash).asText());
      }
    });
    return bound;
  }

  /**
   * The {@code sha256} lookup hash of a 3PID: URL-safe unpadded base64 of the SHA-256 of
   * {@code "<address> <medium> <pepper>"}, the address lower-cased; the spec's example:
   * {@code "alice@example.com email matrixrocks"} gives
   * {@code 4kenr7N9drpCJ4AfalmlGQVsOn3o2RHjkADUpXJWZUc}.
   */
  public static String lookupHash(String address, String medium, String pepper) {
    String query = address.toLowerCase(Locale.ROOT) + " " + medium + " " + pepper;
    try {
      byte[] digest = MessageDigest.getInstance("SHA-256")
          .digest(query.getBytes(StandardCharsets.UTF_8));
      return Base64.getUrlEncoder().withoutPadding().encodeToString(digest);
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("every JVM has SHA-256", e);
    }
  }

  /**
   * {@code METHOD /_matrix/identity/v2/PATH} with a JSON body (or none) and the access token (or
   * none): the answer's JSON when 2xx.
   */
  private JsonNode call(String method, String path, String accessToken, Object body) {
    String route = method + " " + V2 + path;
    try {
      Request.Builder request = new Request.Builder().url(baseUrl.newBuilder()
          .encodedPath(V2 + path).build()).method(method,
          body == null ? null : RequestBody.create(json.writeValueAsBytes(body), JSON));
      if (accessToken != null) {
        request.header("Authorization", "Bearer " + accessToken);
      }
      try (Response response = http.newCall(request.build()).execute()) {
        return answer(route, response);
      }
    } catch (IOException e) {
      throw new MatrixException(route, MatrixException.NO_RESPONSE, ErrorCode.USHER_NO_RESPONSE,
          e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }

  private JsonNode answer(String route, Response response) throws IOException {
    String text = response.body().string();
    JsonNode body;
    try {
      body = json.readTree(text);
    } catch (IOException notJson) {
      throw new MatrixException(route, response.code(), ErrorCode.M_NOT_JSON,
          "the identity server's answer is not JSON", notJson);
    }
    if (!response.isSuccessful()) {
      throw new MatrixException(route, response.code(), body.path("errcode").asText("M_UNKNOWN"),
          body.path("error").asText("identity server refused"), null);
    }
    return body;
  }
}
