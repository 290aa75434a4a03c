package io.usher.matrix;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.equalToJson;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.client.WireMock.postRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathMatching;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.http.Fault;
import com.github.tomakehurst.wiremock.stubbing.Scenario;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class MatrixClientWireMockTest {
  private static final String TOKEN = "syt_secret_token_value";
  private static final String WHOAMI = "/_matrix/client/v3/account/whoami";
  private static final String CREATE = "/_matrix/client/v3/createRoom";

  private WireMockServer server;
  private final List<Duration> waits = new ArrayList<>();
  /** When each wait was asked for ({@link System#nanoTime()}). */
  private final List<Long> waitedAt = new ArrayList<>();
  private final List<String> rateLimitedEndpoints = new ArrayList<>();
  private final List<Duration> announcedWaits = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private MatrixClient client(RetryPolicy policy, Duration readTimeout) {
    OkHttpClient http = new OkHttpClient.Builder().readTimeout(readTimeout).build();
    return new MatrixClient(HttpUrl.get(server.baseUrl()), TOKEN, http, policy,
        wait -> {
          waits.add(wait);
          waitedAt.add(System.nanoTime());
        }, (endpoint, wait) -> {
          rateLimitedEndpoints.add(endpoint);
          announcedWaits.add(wait);
        });
  }

  private MatrixClient client() {
    return client(new RetryPolicy(5, 3, Duration.ofMillis(10), Duration.ofSeconds(30)),
        Duration.ofSeconds(5));
  }

  @Test
  void http429WithRetryAfterMsIsWaitedOutAndTheRequestSucceeds() {
    server.stubFor(post(CREATE).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withBody(
            "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"error\":\"Too many\",\"retry_after_ms\":1234}"))
        .willSetStateTo("open"));
    server.stubFor(post(CREATE).inScenario("limited").whenScenarioStateIs("open")
        .willReturn(okJson("{\"room_id\":\"!new:localhost\"}")));

    String roomId = client().createRoom(new CreateRoomRequest("private_chat", null, null, "n",
        null, null, null, null, null, null));

    assertThat(roomId).isEqualTo("!new:localhost");
    assertThat(announcedWaits).containsExactly(Duration.ofMillis(1234));
    assertThat(waits).singleElement().satisfies(w -> assertThat(w)
        .isBetween(Duration.ofMillis(1100), Duration.ofMillis(1234)));
    assertThat(rateLimitedEndpoints).containsExactly("createRoom");
    server.verify(2, postRequestedFor(urlPathEqualTo(CREATE)));
  }

  @Test
  void http429WithOnlyRetryAfterHeaderWaitsThatManySeconds() {
    server.stubFor(get(WHOAMI).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withHeader("Retry-After", "2")
            .withBody("{\"errcode\":\"M_LIMIT_EXCEEDED\"}"))
        .willSetStateTo("open"));
    server.stubFor(get(WHOAMI).inScenario("limited").whenScenarioStateIs("open")
        .willReturn(okJson("{\"user_id\":\"@bot:localhost\"}")));

    assertThat(client().whoami().userId()).isEqualTo("@bot:localhost");
    assertThat(announcedWaits).containsExactly(Duration.ofSeconds(2));
    assertThat(waits).singleElement().satisfies(w -> assertThat(w)
        .isBetween(Duration.ofMillis(1900), Duration.ofSeconds(2)));
  }

  @Test
  void http429StormEndsInAClearErrorAfterTheBoundedWaits() {
    server.stubFor(get(WHOAMI).willReturn(aResponse().withStatus(429).withBody(
        "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"retry_after_ms\":5}")));

    assertThatThrownBy(() -> client().whoami())
        .isInstanceOfSatisfying(MatrixException.class, e -> {
          assertThat(e.status()).isEqualTo(429);
          assertThat(e.errcode()).isEqualTo("M_LIMIT_EXCEEDED");
        });
    assertThat(waits).hasSize(5);
    server.verify(6, getRequestedFor(urlPathEqualTo(WHOAMI)));
  }

  @Test
  void realSleeperReallyWaitsForRetryAfterMs() {
    server.stubFor(get(WHOAMI).inScenario("limited").whenScenarioStateIs(Scenario.STARTED)
        .willReturn(aResponse().withStatus(429).withBody(
            "{\"errcode\":\"M_LIMIT_EXCEEDED\",\"retry_after_ms\":300}"))
        .willSetStateTo("open"));
    server.stubFor(get(WHOAMI).inScenario("limited").whenScenarioStateIs("open")
        .willReturn(okJson("{\"user_id\":\"@bot:localhost\"}")));
    MatrixClient real = MatrixClient.create(server.baseUrl(), TOKEN, RetryPolicy.defaults(),
        (endpoint, wait) -> { });

    long start = System.nanoTime();
    assertThat(real.whoami().userId()).isEqualTo("@bot:localhost");
    assertThat(Duration.ofNanos(System.nanoTime() - start)).isGreaterThanOrEqualTo(
        Duration.ofMillis(300));
  }

  @Test
  void persistent500EndsInAClearErrorNotAHang() {
    server.stubFor(get(WHOAMI).willReturn(aResponse().withStatus(500).withBody(
        "{\"errcode\":\"M_UNKNOWN\",\"error\":\"Internal server error\"}")));

    assertThatThrownBy(() -> client().whoami())
        .isInstanceOfSatisfying(MatrixException.class, e -> {
          assertThat(e.status()).isEqualTo(500);
          assertThat(e.errcode()).isEqualTo("M_UNKNOWN");
          assertThat(e.error()).isEqualTo("Internal server error");
        })
        .hasMessage("GET /_matrix/client/v3/account/whoami failed: HTTP 500 M_UNKNOWN:"
            + " Internal server error");
    server.verify(4, getRequestedFor(urlPathEqualTo(WHOAMI)));
    assertThat(waits).containsExactly(Duration.ofMillis(10), Duration.ofMillis(20),
        Duration.ofMillis(40));
  }

  @Test
  void http502HtmlFromAProxyBecomesAnErrorWithItsText() {
    server.stubFor(get(WHOAMI).willReturn(aResponse().withStatus(502)
        .withBody("<html><body>Bad Gateway</body></html>")));

    assertThatThrownBy(() -> client().whoami())
        .isInstanceOfSatisfying(MatrixException.class, e -> {
          assertThat(e.status()).isEqualTo(502);
          assertThat(e.error()).contains("Bad Gateway");
        });
  }

  @Test
  void http403IsNotRetriedAndCarriesErrcodeAndError() {
    server.stubFor(post(CREATE).willReturn(aResponse().withStatus(403).withBody(
        "{\"errcode\":\"M_FORBIDDEN\",\"error\":\"You are not allowed\"}")));

    assertThatThrownBy(() -> client().createRoom(new CreateRoomRequest(null, null, null, null,
        null, null, null, null, null, null)))
        .isInstanceOfSatisfying(MatrixException.class, e -> {
          assertThat(e.status()).isEqualTo(403);
          assertThat(e.errcode()).isEqualTo("M_FORBIDDEN");
        });
    server.verify(1, postRequestedFor(urlPathEqualTo(CREATE)));
  }

  @Test
  void garbageBodyOn200IsAnError() {
    server.stubFor(get(WHOAMI).willReturn(aResponse().withStatus(200).withBody("<<<garbage")));

    assertThatThrownBy(() -> client().whoami())
        .isInstanceOfSatisfying(MatrixException.class,
            e -> assertThat(e.errcode()).isEqualTo("M_NOT_JSON"));
  }

  @Test
  void truncatedJsonBodyIsAnError() {
    server.stubFor(get(WHOAMI).willReturn(aResponse().withStatus(200)
        .withBody("{\"user_id\": \"@bot:loc")));

    assertThatThrownBy(() -> client().whoami())
        .isInstanceOfSatisfying(MatrixException.class,
            e -> assertThat(e.errcode()).isEqualTo("M_NOT_JSON"));
  }

  @Test
  void connectionResetIsRetriedThenReportedAsNoResponse() {
    server.stubFor(get(WHOAMI).willReturn(aResponse().withFault(Fault.CONNECTION_RESET_BY_PEER)));

    assertThatThrownBy(() -> client().whoami())
        .isInstanceOfSatisfying(MatrixException.class,
            e -> assertThat(e.status()).isEqualTo(MatrixException.NO_RESPONSE));
    server.verify(4, getRequestedFor(urlPathEqualTo(WHOAMI)));
  }

  @Test
  void slowServerTimesOutInsteadOfHanging() {
    server.stubFor(get(WHOAMI).willReturn(okJson("{}").withFixedDelay(2_000)));
    MatrixClient impatient = client(new RetryPolicy(1, 1, Duration.ofMillis(1),
        Duration.ofSeconds(1)), Duration.ofMillis(200));

    assertThatThrownBy(impatient::whoami)
        .isInstanceOfSatisfying(MatrixException.class, e -> {
          assertThat(e.status()).isEqualTo(MatrixException.NO_RESPONSE);
          assertThat(e.getMessage()).contains("SocketTimeoutException");
        });
  }

  @Test
  void tokenGoesInTheHeaderAndNeverIntoErrors() {
    server.stubFor(get(WHOAMI).willReturn(aResponse().withStatus(401).withBody(
        "{\"errcode\":\"M_UNKNOWN_TOKEN\",\"error\":\"Invalid access token passed.\"}")));

    assertThatThrownBy(() -> client().whoami())
        .satisfies(e -> assertThat(e.getMessage()).doesNotContain(TOKEN));
    server.verify(getRequestedFor(urlPathEqualTo(WHOAMI))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
  }

  @Test
  void pathParametersAreEncodedAsOneSegment() {
    server.stubFor(get(urlPathEqualTo(
        "/_matrix/client/v3/directory/room/%23a%2Fb%3Aexample.org"))
        .willReturn(okJson("{\"room_id\":\"!r:example.org\"}")));

    assertThat(client().resolveAlias("#a/b:example.org")).contains("!r:example.org");
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
    client.pace(PacedRoute.INVITE, 10);
    long start = System.nanoTime();
    for (int i = 0; i < 4; i++) {
      client.invite("!room:localhost", "@u" + i + ":localhost");
    }
    // The test's sleeper returns at once, so each invite's slot is 100 ms after the previous:
    // the time gone by when the wait was asked plus the wait is that slot, however slow the
    // machine (the pacer's clock starts at the first invite, a little after `start`).
    assertThat(waits).hasSize(3);
    for (int k = 0; k < 3; k++) {
      long slotMillis = (waitedAt.get(k) - start + waits.get(k).toNanos()) / 1_000_000;
      assertThat(slotMillis).isBetween(100L * (k + 1) - 2, 100L * (k + 1) + 60);
    }
  }
}
