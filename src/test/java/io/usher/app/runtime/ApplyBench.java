package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.LocalSynapse;
import io.usher.SharedSchedules;
import io.usher.app.config.TestConfigs;
import io.usher.matrix.RequestStats;
import java.net.URI;
import java.net.http.HttpClient;
import java.net.http.HttpRequest;
import java.net.http.HttpResponse;
import java.nio.file.Files;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import org.junit.jupiter.api.Tag;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * FOSDEM 2021 (about 1100 rooms) built on a local Synapse with a fresh database
 * (scripts/bench): requests per room by endpoint, wall time, a restart and a re-apply, and the
 * bot's peak RSS. Prints one figure a line and writes them to {@code target/bench/apply.txt}.
 */
@Tag("bench")
class ApplyBench {
  @TempDir Path dir;
  final List<String> lines = new ArrayList<>();

  void figure(String format, Object... args) {
    String line = String.format(Locale.ROOT, format, args);
    lines.add(line);
    System.out.println(line);
  }

  @Test
  void fosdem2021() throws Exception {
    LocalSynapse synapse = LocalSynapse.get();
    int parallelism = Integer.parseInt(System.getProperty("usher.bench.parallelism", "4"));
    Path config = TestConfigs.write(dir, synapse, "fosdem2021", "Europe/Brussels",
        SharedSchedules.path(SharedSchedules.FOSDEM_2021), "");
    Files.writeString(config, Files.readString(config)
        .replace("parallelism: 4", "parallelism: " + parallelism));
    Instant before = Instant.parse("2021-01-01T00:00:00Z");
    figure("synapse version: %s", synapseVersion(synapse.url));
    figure("parallelism: %d", parallelism);

    long start = System.nanoTime();
    Applied built = Applied.apply(config, before);
    double seconds = (System.nanoTime() - start) / 1e9;
    RequestStats stats = built.run().bot().client.stats();
    int rooms = built.result().created().size();
    assertThat(built.result().failures()).isEmpty();
    figure("apply rooms created: %d", rooms);
    figure("apply requests: %d (%d writes)", stats.total(), stats.writes());
    figure("apply requests per room: %.3f", stats.total() / (double) rooms);
    stats.byEndpoint().forEach((endpoint, n) ->
        figure("apply requests %s: %d (%.3f per room)", endpoint, n, n / (double) rooms));
    figure("apply wall seconds: %.1f", seconds);
    figure("apply rooms per second: %.1f", rooms / seconds);

    // The build's own reading predates its rooms; a first start after it reads them all in.
    start = System.nanoTime();
    Applied first = Applied.planned(config, before);
    figure("first start after the build requests: %d", first.run().bot().client.stats().total());
    figure("first start after the build seconds: %.2f", (System.nanoTime() - start) / 1e9);
    figure("first start after the build read: %s", first.run().bot().reader().lastRead());

    start = System.nanoTime();
    Applied restart = Applied.planned(config, before);
    seconds = (System.nanoTime() - start) / 1e9;
    figure("restart requests: %d", restart.run().bot().client.stats().total());
    figure("restart seconds: %.2f", seconds);
    figure("restart read: %s", restart.run().bot().reader().lastRead());
    figure("restart plan actions: %d", restart.plan().actions().size());

    Applied again = Applied.apply(config, before);
    figure("re-apply requests: %d", again.run().bot().client.stats().total());
    figure("re-apply writes: %d", again.run().bot().client.stats().writes());
    figure("bot peak RSS MB: %d", peakRssKb() / 1024);
    Files.createDirectories(Path.of("target", "bench"));
    Files.write(Path.of("target", "bench", "apply.txt"), lines);
  }

  private static String synapseVersion(String url) throws Exception {
    HttpResponse<String> response = HttpClient.newHttpClient().send(HttpRequest.newBuilder(
        URI.create(url + "/_synapse/admin/v1/server_version")).build(),
        HttpResponse.BodyHandlers.ofString());
    return response.body().replaceAll("(?s).*\"server_version\"\\s*:\\s*\"([^\"]+)\".*", "$1");
  }

  /** VmHWM of this JVM (the bot runs in it), in kB; 0 where /proc is missing. */
  private static long peakRssKb() throws Exception {
    Path status = Path.of("/proc/self/status");
    if (!Files.exists(status)) {
      return 0;
    }
    return Files.readAllLines(status).stream().filter(l -> l.startsWith("VmHWM:"))
        .map(l -> Long.parseLong(l.replaceAll("\\D", ""))).findFirst().orElse(0L);
  }
}
