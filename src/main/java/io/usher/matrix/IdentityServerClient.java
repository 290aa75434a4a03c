package io.usher.matrix;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.time.Duration;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.MediaType;
import okhttp3.OkHttpClient;
import okhttp3.Request;
import okhttp3.RequestBody;
import okhttp3.Response;

/**
 * The one identity server call the bot makes itself: registering with an OpenID token for an
 * {@code id_access_token} (https://spec.matrix.org/latest/identity-service-api/#post_matrixidentityv2accountregister),
 * which the homeserver needs for 3PID invites. The invites themselves go through the homeserver.
 */
public final class IdentityServerClient {
  private final HttpUrl baseUrl;
  private final OkHttpClient http = new OkHttpClient.Builder()
      .connectTimeout(Duration.ofSeconds(10)).readTimeout(Duration.ofSeconds(30)).build();
  private final ObjectMapper json = new ObjectMapper();

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
    String route = "POST /_matrix/identity/v2/account/register";
    HttpUrl url = baseUrl.newBuilder().encodedPath("/_matrix/identity/v2/account/register")
        .build();
    try {
      Request request = new Request.Builder().url(url).post(RequestBody.create(
          json.writeValueAsBytes(openIdToken), MediaType.get("application/json"))).build();
      try (Response response = http.newCall(request).execute()) {
        JsonNode body = json.readTree(response.body().string());
        if (response.isSuccessful() && body.hasNonNull("token")) {
          return body.path("token").asText();
        }
        throw new MatrixException(route, response.code(), body.path("errcode").asText("M_UNKNOWN"),
            body.path("error").asText("identity server refused registration"), null);
      }
    } catch (IOException e) {
      throw new MatrixException(route, MatrixException.NO_RESPONSE, ErrorCode.USHER_NO_RESPONSE,
          e.getClass().getSimpleName() + ": " + e.getMessage(), e);
    }
  }
}
