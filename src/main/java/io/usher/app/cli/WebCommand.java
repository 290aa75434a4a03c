package io.usher.app.cli;

import io.usher.app.config.Settings;
import io.usher.app.runtime.WebProcess;
import java.time.Clock;
import java.util.concurrent.Callable;
import java.util.concurrent.CountDownLatch;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;

/** {@code usher web}: the widget web server on its own, so widgets outlive a bot restart. */
@Command(name = "web", description = "Serve the widget pages, their JSON, /health and /metrics"
    + " (web.listen), without the bot. Starts even when the homeserver is down.")
final class WebCommand implements Callable<Integer> {
  @Mixin Output output;

  @Mixin ConferenceOptions options;

  @Override
  public Integer call() throws InterruptedException {
    Settings settings = options.settings();
    CountDownLatch stopped = new CountDownLatch(1);
    try (WebProcess web = new WebProcess(settings, Clock.systemUTC()).start()) {
      Runtime.getRuntime().addShutdownHook(new Thread(stopped::countDown));
      output.out().println("Serving widgets on http://" + settings.web().host() + ":"
          + web.port() + "/widgets/ (public URL: " + (settings.web().publicUrl().isEmpty()
          ? "none, so rooms get no widgets" : settings.web().publicUrl()) + "). Ctrl-C stops.");
      output.out().flush();
      stopped.await();
    }
    return 0;
  }
}
