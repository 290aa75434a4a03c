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
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import com.github.tomakehurst.wiremock.WireMockServer;
import java.util.List;
import java.util.Map;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

class IdentityServerClientWireMockTest {
  private static final String TOKEN = "is_secret_token_value";
  private static final String HASH_DETAILS = "/_matrix/identity/v2/hash_details";
  private static final String LOOKUP = "/_matrix/identity/v2/lookup";
  // The spec's examples with the pepper "matrixrocks".
  private static final String ALICE = "4kenr7N9drpCJ4AfalmlGQVsOn3o2RHjkADUpXJWZUc";
  private static final String BOB = "LJwSazmv46n0hlMlsb_iYxI0_HXEqy_yj6Jm636cdT8";

  private WireMockServer server;

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private IdentityServerClient client() {
    return new IdentityServerClient("http://127.0.0.1:" + server.port());
  }

  @Test
  void theLookupHashIsTheSpecsExample() {
    assertThat(IdentityServerClient.lookupHash("alice@example.com", "email", "matrixrocks"))
        .isEqualTo(ALICE);
    assertThat(IdentityServerClient.lookupHash("Bob@Example.com", "email", "matrixrocks"))
        .as("the address lower-cased").isEqualTo(BOB);
    assertThat(IdentityServerClient.lookupHash("18005552067", "msisdn", "matrixrocks"))
        .isEqualTo("nlo35_T5fzSGZzJApqu8lgIudJvmOQtDaHtr-I4rU7I");
  }

  @Test
  void allAddressesAreLookedUpInOneRequestWithThePepperAndTheBoundOnesMapped() {
    server.stubFor(get(HASH_DETAILS).willReturn(okJson(
        "{\"algorithms\":[\"none\",\"sha256\"],\"lookup_pepper\":\"matrixrocks\"}")));
    server.stubFor(post(LOOKUP).willReturn(okJson(
        "{\"mappings\":{\"" + ALICE + "\":\"@alice:example.com\"}}")));

    var bound = client().lookupEmails(TOKEN, List.of("alice@example.com", "Bob@example.com"));

    assertThat(bound).containsExactlyEntriesOf(Map.of("alice@example.com",
        "@alice:example.com"));
    server.verify(1, getRequestedFor(urlPathEqualTo(HASH_DETAILS))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN)));
    server.verify(1, postRequestedFor(urlPathEqualTo(LOOKUP))
        .withHeader("Authorization", equalTo("Bearer " + TOKEN))
        .withRequestBody(equalToJson("{\"algorithm\":\"sha256\",\"pepper\":\"matrixrocks\","
            + "\"addresses\":[\"" + ALICE + "\",\"" + BOB + "\"]}")));
  }

  @Test
  void noAddressesMakeNoRequest() {
    assertThat(client().lookupEmails(TOKEN, List.of())).isEmpty();
    assertThat(server.getAllServeEvents()).isEmpty();
  }

  @Test
  void aRefusalIsAMatrixExceptionWithTheErrcodeAndWithoutTheToken() {
    server.stubFor(get(HASH_DETAILS).willReturn(aResponse().withStatus(401).withBody(
        "{\"errcode\":\"M_UNAUTHORIZED\",\"error\":\"Unauthorized\"}")));

    assertThatThrownBy(() -> client().lookupEmails(TOKEN, List.of("alice@example.com")))
        .isInstanceOf(MatrixException.class)
        .hasMessageContaining("GET /_matrix/identity/v2/hash_details")
        .hasMessageContaining("HTTP 401 M_UNAUTHORIZED")
        .hasMessageNotContaining(TOKEN);
    server.verify(0, postRequestedFor(urlPathEqualTo(LOOKUP)));
  }

  @Test
  void anIdentityServerWithoutSha256IsRefusedBeforeAnyAddressLeaves() {
    server.stubFor(get(HASH_DETAILS).willReturn(okJson(
        "{\"algorithms\":[\"none\"],\"lookup_pepper\":\"matrixrocks\"}")));

    assertThatThrownBy(() -> client().lookupEmails(TOKEN, List.of("alice@example.com")))
        .isInstanceOf(MatrixException.class).hasMessageContaining("no sha256");
    server.verify(0, postRequestedFor(urlPathEqualTo(LOOKUP)));
  }
}
