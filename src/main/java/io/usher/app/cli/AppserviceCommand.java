package io.usher.app.cli;

import io.usher.app.config.BadInputException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.security.SecureRandom;
import java.util.HexFormat;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/**
 * {@code usher appservice-registration}: writes an application service registration
 * (https://spec.matrix.org/latest/application-service-api/#registration) so Usher can run as an
 * application service, as the reference bot does at FOSDEM: its {@code as_token} authenticates
 * the bot, and {@code rate_limited: false} exempts it from the homeserver's rate limits.
 */
@Command(name = "appservice-registration", description = "Write an application service"
    + " registration for the homeserver (app_service_config_files); then set"
    + " homeserver.appservice_registration to it.")
final class AppserviceCommand implements Callable<Integer> {
  @Mixin Output output;

  @Option(names = {"-c", "--config"}, defaultValue = "usher.yaml",
      description = "Config file, for the conference id (default: ${DEFAULT-VALUE}).")
  Path config;

  @Option(names = "--out", required = true, description = "Registration file to write.")
  Path out;

  @Option(names = "--sender", defaultValue = "usher",
      description = "The bot's user localpart (default: ${DEFAULT-VALUE}).")
  String sender;

  @Override
  public Integer call() throws IOException {
    if (!sender.matches("[a-z0-9._=/+-]+")) {
      throw new BadInputException("--sender: '" + sender + "' is not a user localpart (a-z 0-9"
          + " . _ = / + -)", null);
    }
    String conference = ConferenceOptions.configured(config).conferenceId();
    String yaml = """
        # Written by usher appservice-registration for conference %1$s. Add this file to the
        # homeserver's app_service_config_files, restart it, and set
        # homeserver.appservice_registration to this file. It holds secrets.
        id: usher-%1$s
        url: null
        as_token: %2$s
        hs_token: %3$s
        sender_localpart: %4$s-appservice
        rate_limited: false
        x_usher_bot: %4$s
        namespaces:
          users:
            - exclusive: true
              regex: "@%5$s:.*"
          aliases:
            - exclusive: false
              regex: "#%6$s.*"
          rooms: []
        """.formatted(conference, secret(), secret(), sender, sender.replace(".", "\\\\."),
        conference.replace(".", "\\\\."));
    Files.createDirectories(out.toAbsolutePath().getParent());
    Files.writeString(out, yaml);
    try {
      Files.setPosixFilePermissions(out, PosixFilePermissions.fromString("rw-------"));
    } catch (UnsupportedOperationException notPosix) {
      // The file still works; only its permissions are the platform's default.
    }
    output.out().println("Wrote " + out + " (application service usher-" + conference
        + ", sender @" + sender + "). Add it to the homeserver's app_service_config_files,"
        + " restart the homeserver, and set homeserver.appservice_registration: " + out);
    return 0;
  }

  private static String secret() {
    byte[] bytes = new byte[32];
    new SecureRandom().nextBytes(bytes);
    return HexFormat.of().formatHex(bytes);
  }
}
