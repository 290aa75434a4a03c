package io.usher.matrix;

import static com.github.tomakehurst.wiremock.client.WireMock.aResponse;
import static com.github.tomakehurst.wiremock.client.WireMock.okJson;
import static com.github.tomakehurst.wiremock.client.WireMock.post;
import static com.github.tomakehurst.wiremock.core.WireMockConfiguration.options;
import static org.assertj.core.api.Assertions.assertThat;

import com.github.tomakehurst.wiremock.WireMockServer;
import com.github.tomakehurst.wiremock.extension.Parameters;
import com.github.tomakehurst.wiremock.extension.ResponseDefinitionTransformerV2;
import com.github.tomakehurst.wiremock.extension.ServeEventListener;
import com.github.tomakehurst.wiremock.http.ResponseDefinition;
import com.github.tomakehurst.wiremock.stubbing.ServeEvent;
import java.time.Duration;
import java.util.ArrayList;
import java.util.Collections;
import java.util.List;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import okhttp3.HttpUrl;
import okhttp3.OkHttpClient;
import org.junit.jupiter.api.AfterEach;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;

/**
 * A rate-limited account under parallel writes, against a server that limits room creation the
 * way Synapse does (a token bucket: a burst, then one room per interval, a 429 with
 * {@code retry_after_ms} until the next token).
 */
class RateLimitedAccountWireMockTest {
  private static final String CREATE = "/_matrix/client/v3/createRoom";
  private static final int BURST = 2;
  private static final long INTERVAL_MS = 100;

  private final TokenBucket bucket = new TokenBucket();
  private WireMockServer server;

  /** Synapse's room-creation limiter in miniature; it counts requests in flight too. */
  static final class TokenBucket implements ResponseDefinitionTransformerV2, ServeEventListener {
    final AtomicInteger created = new AtomicInteger();
    final AtomicInteger refused = new AtomicInteger();
    final AtomicInteger inFlight = new AtomicInteger();
    final AtomicInteger mostInFlight = new AtomicInteger();
    private double tokens = BURST;
    private long lastNanos = System.nanoTime();
    private volatile boolean lifted;

    @Override
    public synchronized ResponseDefinition transform(ServeEvent event) {
      long now = System.nanoTime();
      tokens = Math.min(BURST, tokens + (now - lastNanos) / 1e6 / INTERVAL_MS);
      lastNanos = now;
      if (tokens >= 1 || lifted) {
        tokens -= lifted ? 0 : 1;
        return okJson("{\"room_id\":\"!r" + created.incrementAndGet() + ":localhost\"}")
            .withFixedDelay(20).build();
      }
      refused.incrementAndGet();
      long retryMs = (long) Math.ceil((1 - tokens) * INTERVAL_MS);
      return aResponse().withStatus(429).withBody("{\"errcode\":\"M_LIMIT_EXCEEDED\","
          + "\"error\":\"Too Many Requests\",\"retry_after_ms\":" + retryMs + "}").build();
    }

    @Override
    public void beforeMatch(ServeEvent event, Parameters parameters) {
      mostInFlight.accumulateAndGet(inFlight.incrementAndGet(), Math::max);
    }

    @Override
    public void afterComplete(ServeEvent event, Parameters parameters) {
      inFlight.decrementAndGet();
    }

    @Override
    public boolean applyGlobally() {
      return true;
    }

    @Override
    public String getName() {
      return "token-bucket";
    }
  }

  @BeforeEach
  void start() {
    server = new WireMockServer(options().dynamicPort().bindAddress("127.0.0.1")
        .extensions(bucket));
    server.start();
    server.stubFor(post(CREATE).willReturn(okJson("{}")));
  }

  @AfterEach
  void stop() {
    server.stop();
  }

  private List<String> createInParallel(MatrixClient client, int rooms) throws Exception {
    ExecutorService pool = Executors.newFixedThreadPool(4);
    try {
      List<Future<String>> futures = new ArrayList<>();
      for (int i = 0; i < rooms; i++) {
        String name = "room " + i;
        futures.add(pool.submit(() -> client.createRoom(new CreateRoomRequest("private_chat",
            null, null, name, null, null, null, null, null, null))));
      }
      List<String> ids = new ArrayList<>();
      for (Future<String> future : futures) {
        ids.add(future.get());
      }
      return ids;
    } finally {
      pool.shutdownNow();
    }
  }

  private MatrixClient client(int maxRateLimitWaits, RateLimitListener listener) {
    return new MatrixClient(HttpUrl.get(server.baseUrl()), "syt_token", new OkHttpClient(),
        new RetryPolicy(maxRateLimitWaits, 1, Duration.ofMillis(10), Duration.ofSeconds(5)),
        Sleeper.real(), listener);
  }

  @Test
  void parallelWritesOfALimitedAccountQueueSoEachWaitsOutAboutOne429() throws Exception {
    List<Duration> announced = Collections.synchronizedList(new ArrayList<>());
    MatrixClient client = client(30, (endpoint, wait) -> announced.add(wait));

    List<String> ids = createInParallel(client, 12);

    assertThat(ids).doesNotHaveDuplicates().hasSize(12);
    assertThat(bucket.created).hasValue(12);
    // Racing threads would draw three 429s per freed slot; queued, each request past the
    // burst meets about one (plus the ones already in flight when the first came).
    assertThat(bucket.refused.get()).isBetween(1, 12 - BURST + 3);
    assertThat(client.stats().rateLimited()).isEqualTo(bucket.refused.get());
    assertThat(announced).hasSize(bucket.refused.get()).allSatisfy(w ->
        assertThat(w).isBetween(Duration.ofMillis(1), Duration.ofMillis(INTERVAL_MS)));
  }

  @Test
  void noQueuedRequestStarvesEvenWithFewWaitsAllowed() throws Exception {
    // Two waits each are enough when requests take turns; a free-for-all loses some.
    List<String> ids = createInParallel(client(2, (endpoint, wait) -> { }), 16);

    assertThat(ids).doesNotHaveDuplicates().hasSize(16);
  }

  @Test
  void aLiftedLimitLetsWritesRunInParallelAgain() throws Exception {
    MatrixClient client = client(30, (endpoint, wait) -> bucket.lifted = true);

    assertThat(createInParallel(client, 8)).hasSize(8);
    int refusedWhileLimited = bucket.refused.get();
    bucket.mostInFlight.set(0);
    assertThat(createInParallel(client, 20)).hasSize(20);

    assertThat(bucket.refused.get()).isEqualTo(refusedWhileLimited);
    assertThat(bucket.mostInFlight.get()).as("requests in flight at once").isGreaterThan(1);
  }
}
