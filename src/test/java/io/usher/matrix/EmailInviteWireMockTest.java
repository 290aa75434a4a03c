package io.usher.matrix;

import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/** 3PID invites and invite pacing, against WireMock standing in for homeserver and identity server. */
class EmailInviteWireMockTest {
  private WireMockServer server;
  private final List<Duration> waits = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private MatrixClient client() {
    return new MatrixClient(HttpUrl.get(server.baseUrl()), "syt_token", new OkHttpClient(),
        RetryPolicy.defaults(), waits::add, (endpoint, wait) -> { });
  }

  @Test
  void emailInviteRegistersWithTheIdentityServerThroughOpenIdAndSendsThe3pidShape() {
    server.stubFor(post(urlPathMatching("/_matrix/client/v3/user/.*/openid/request_token"))
        .willReturn(okJson("{\"access_token\":\"openid\",\"token_type\":\"Bearer\","
            + "\"matrix_server_name\":\"localhost\",\"expires_in\":3600}")));
    server.stubFor(post(urlPathEqualTo("/_matrix/identity/v2/account/register"))
        .willReturn(okJson("{\"token\":\"is-token\"}")));
    server.stubFor(post(urlPathMatching("/_matrix/client/v3/rooms/.*/invite"))
        .willReturn(okJson("{}")));
    MatrixClient client = client();
    IdentityServerClient identity =
        new IdentityServerClient("http://127.0.0.1:" + server.port());

    Map<String, Object> openId = client.openIdToken("@bot:localhost");
    String token = identity.register(openId);
    client.inviteByEmail("!room:localhost", identity.idServer(), token, "fay@example.org");

    assertThat(token).isEqualTo("is-token");
    assertThat(identity.idServer()).isEqualTo("127.0.0.1:" + server.port());
    server.verify(postRequestedFor(urlPathEqualTo("/_matrix/identity/v2/account/register"))
        .withRequestBody(equalToJson("{\"access_token\":\"openid\",\"token_type\":\"Bearer\","
            + "\"matrix_server_name\":\"localhost\",\"expires_in\":3600}")));
    server.verify(postRequestedFor(urlPathEqualTo(
        "/_matrix/client/v3/rooms/%21room%3Alocalhost/invite")).withRequestBody(equalToJson(
        "{\"id_server\":\"127.0.0.1:" + server.port() + "\",\"id_access_token\":\"is-token\","
            + "\"medium\":\"email\",\"address\":\"fay@example.org\"}")));
  }

  @Test
  void pacedInvitesAreSpreadOutNotBurst() {
    server.stubFor(post(urlPathMatching("/_matrix/client/v3/rooms/.*/invite"))
        .willReturn(okJson("{}")));
    MatrixClient client = client();
    client.pace("invite", 10);
    for (int i = 0; i < 4; i++) {
      client.invite("!room:localhost", "@u" + i + ":localhost");
    }
    // The test's sleeper returns at once, so each invite's slot is 100 ms after the previous.
    assertThat(waits).hasSize(3);
    for (int k = 0; k < 3; k++) {
      assertThat(waits.get(k)).isBetween(Duration.ofMillis(100L * (k + 1) - 60),
          Duration.ofMillis(100L * (k + 1)));
    }
  }
}
