package io.usher.app.runtime;

import java.io.BufferedReader;
import java.io.IOException;
import java.io.InputStreamReader;
import java.nio.charset.StandardCharsets;
import java.nio.file.Path;
import java.time.Instant;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;
import java.util.concurrent.CopyOnWriteArrayList;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * One {@code usher run} in a JVM of its own (the test's classpath), its output read line by
 * line and stamped with when it arrived, so a test can say what it did and when.
 */
final class BotProcess implements AutoCloseable {
  private static final Pattern HANDLED = Pattern.compile("phase handled: (\\S+) (\\S+)");
  private static final Pattern WEB =
      Pattern.compile("serving the widgets on http://[^:]+:(\\d+)");
  private static final Pattern INSTANCE = Pattern.compile("bot (\\S+) starts as");

  record Line(Instant at, String text) {}

  private final String name;
  private final Process process;
  private final List<Line> lines = new CopyOnWriteArrayList<>();

  private BotProcess(String name, Process process) {
    this.name = name;
    this.process = process;
    Thread reader = new Thread(this::read, "bot-output-" + name);
    reader.setDaemon(true);
    reader.start();
  }

  /** Starts {@code usher run -c config args…}. */
  static BotProcess start(String name, Path config, String... args) throws IOException {
    List<String> command = new ArrayList<>(List.of(
        Path.of(System.getProperty("java.home"), "bin", "java").toString(), "-cp",
        System.getProperty("surefire.test.class.path", System.getProperty("java.class.path")),
        "io.usher.app.cli.Main", "run", "-c", config.toString()));
    command.addAll(List.of(args));
    return new BotProcess(name, new ProcessBuilder(command).redirectErrorStream(true).start());
  }

  private void read() {
    try (BufferedReader in = new BufferedReader(new InputStreamReader(process.getInputStream(),
        StandardCharsets.UTF_8))) {
      for (String line = in.readLine(); line != null; line = in.readLine()) {
        lines.add(new Line(Instant.now(), line));
      }
    } catch (IOException e) {
      lines.add(new Line(Instant.now(), "(output ended: " + e.getMessage() + ")"));
    }
  }

  String name() {
    return name;
  }

  long pid() {
    return process.pid();
  }

  boolean alive() {
    return process.isAlive();
  }

  /** SIGKILL: no shutdown hook, no goodbye to the database or the homeserver. */
  void kill() throws InterruptedException {
    process.destroyForcibly();
    process.waitFor();
  }

  List<Line> lines() {
    return List.copyOf(lines);
  }

  /** Its id in the cluster, once it said which role it starts in. */
  Optional<String> instanceId() {
    return lines.stream().map(l -> INSTANCE.matcher(l.text())).filter(Matcher::find)
        .map(m -> m.group(1)).findFirst();
  }

  /** What its {@code /health} says it is: leader or follower (its web port from its log). */
  String healthRole() throws Exception {
    int port = lines.stream().map(l -> WEB.matcher(l.text())).filter(Matcher::find)
        .map(m -> Integer.parseInt(m.group(1))).findFirst()
        .orElseThrow(() -> new AssertionError("no web port in\n" + output()));
    var response = java.net.http.HttpClient.newHttpClient().send(java.net.http.HttpRequest
        .newBuilder(java.net.URI.create("http://127.0.0.1:" + port + "/health")).build(),
        java.net.http.HttpResponse.BodyHandlers.ofString());
    Matcher role = Pattern.compile("\"role\":\"(\\w+)\"").matcher(response.body());
    return role.find() ? role.group(1) : response.body();
  }

  /** The phases it handled, as "recordId status", with when it said so. */
  List<Line> handled() {
    List<Line> out = new ArrayList<>();
    for (Line line : lines) {
      Matcher m = HANDLED.matcher(line.text());
      if (m.find()) {
        out.add(new Line(line.at(), m.group(1) + " " + m.group(2)));
      }
    }
    return out;
  }

  /** Its output, for a failure message. */
  String output() {
    StringBuilder out = new StringBuilder("--- " + name + " ---\n");
    lines.forEach(l -> out.append(l.text()).append('\n'));
    return out.toString();
  }

  @Override
  public void close() throws InterruptedException {
    if (process.isAlive()) {
      process.destroy();
      if (!process.waitFor(20, java.util.concurrent.TimeUnit.SECONDS)) {
        kill();
      }
    }
  }
}
