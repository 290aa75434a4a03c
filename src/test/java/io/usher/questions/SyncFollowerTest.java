package io.usher.questions;

import static com.github.tomakehurst.wiremock.client.WireMock.absent;
import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.equalTo;
import static com.github.tomakehurst.wiremock.client.WireMock.get;
import static com.github.tomakehurst.wiremock.client.WireMock.getRequestedFor;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.urlPathEqualTo;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.RetryPolicy;
import io.usher.web.Question;
import java.time.Duration;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * The scoreboard's sync loop against a scripted homeserver: the first sync's timeline, renames
 * and reactions in the next, a failing homeserver (tallies and the since token kept, backoff
 * doubling), a refused token (the rooms read afresh).
 */
class SyncFollowerTest {
  static final String SYNC = "/_matrix/client/v3/sync";
  static final String ROOM = "!track:x";
  static final Instant T = Instant.ofEpochMilli(1_000_000);
  WireMockServer server;
  SyncFollower follower;
  final List<String> log = new ArrayList<>();

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1"));
    server.start();
    MatrixClient client = MatrixClient.create(server.baseUrl(), "token",
        new RetryPolicy(0, 0, Duration.ofMillis(1), Duration.ofMillis(10)), (e, w) -> { });
    follower = new SyncFollower(() -> client, () -> "@bot:x", Duration.ofSeconds(20), log::add);
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  static String sync(String next, String events) {
    return """
        {"next_batch": "%s", "rooms": {"join": {"%s": {"state": {"events": []},
          "timeline": {"limited": false, "events": [%s]}}}}}""".formatted(next, ROOM, events);
  }

  static String member(String id, long ts, String name) {
    return """
        {"event_id": "%s", "type": "m.room.member", "state_key": "@ann:x", "sender": "@ann:x",
         "origin_server_ts": %d, "content": {"membership": "join", "displayname": "%s"}}"""
        .formatted(id, ts, name);
  }

  static String message(String id, long ts) {
    return """
        {"event_id": "%s", "type": "m.room.message", "sender": "@ann:x", "origin_server_ts": %d,
         "content": {"msgtype": "m.text", "body": "Why?"}}""".formatted(id, ts);
  }

  static String thumbsUp(String id, long ts, String target) {
    return """
        {"event_id": "%s", "type": "m.reaction", "sender": "@bob:x", "origin_server_ts": %d,
         "content": {"m.relates_to": {"rel_type": "m.annotation", "event_id": "%s",
         "key": "👍"}}}""".formatted(id, ts, target);
  }

  private List<Question> shown() {
    return follower.follow(ROOM).questions(T, T.plusSeconds(3600));
  }

  private void answer(String since, int status, String body) {
    server.stubFor(get(urlPathEqualTo(SYNC)).withQueryParam("since", since == null ? absent()
        : equalTo(since)).willReturn(aResponse().withStatus(status)
        .withHeader("Content-Type", "application/json").withBody(body)));
  }

  @Test
  void aFailingHomeserverKeepsTheTallyAndTheTokenAndARenameShowsAfterIt() {
    follower.follow(ROOM);
    answer(null, 200, sync("s1", member("$j", 1_000_100, "ann") + ","
        + message("$q", 1_000_200)));
    assertThat(follower.step()).isZero();
    assertThat(shown()).extracting(Question::sender).containsExactly("ann");

    answer("s1", 502, "{\"errcode\":\"M_UNKNOWN\",\"error\":\"down\"}");
    assertThat(follower.step()).isEqualTo(Duration.ofSeconds(1));
    assertThat(follower.step()).isEqualTo(Duration.ofSeconds(2));
    assertThat(follower.failure()).hasValueSatisfying(why -> assertThat(why)
        .contains("did not answer"));
    assertThat(shown()).hasSize(1);

    answer("s1", 200, sync("s2", member("$r", 1_000_300, "Ann Example") + ","
        + thumbsUp("$t", 1_000_400, "$q")));
    assertThat(follower.step()).isZero();
    assertThat(follower.failure()).isEmpty();
    assertThat(shown()).extracting(Question::sender, Question::thumbsUp)
        .containsExactly(org.assertj.core.groups.Tuple.tuple("Ann Example", 1));
    assertThat(log).anyMatch(line -> line.contains("read again after 2 failed syncs"));
    server.verify(1, getRequestedFor(urlPathEqualTo(SYNC)).withQueryParam("since", absent()));
  }

  @Test
  void aRefusedTokenReadsTheRoomsAfresh() {
    follower.follow(ROOM);
    answer(null, 200, sync("s1", message("$q", 1_000_200)));
    follower.step();
    answer("s1", 400, "{\"errcode\":\"M_UNKNOWN\",\"error\":\"bad token\"}");
    assertThat(follower.step()).isZero();
    assertThat(log).anyMatch(line -> line.contains("refused the sync token"));
    follower.step();
    server.verify(2, getRequestedFor(urlPathEqualTo(SYNC)).withQueryParam("since", absent()));
    assertThat(shown()).hasSize(1);
  }

  @Test
  void theFilterFollowsTheRoomsWithTheirMembersLazyLoaded() {
    follower.follow(ROOM);
    answer(null, 200, sync("s1", ""));
    follower.step();
    String filter = server.getAllServeEvents().get(0).getRequest().queryParameter("filter")
        .firstValue();
    assertThat(filter).contains("\"rooms\":[\"!track:x\"]").contains("m.room.member")
        .contains("\"lazy_load_members\":true").contains("\"limit\":100");
  }
}
