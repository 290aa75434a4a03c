package io.usher.app.config;

import io.usher.plan.widgets.UrlTemplate;
import io.usher.plan.widgets.WidgetPolicy;
import java.util.List;
import java.util.Objects;

/**
 * The validated {@code web:} and {@code widgets:} sections. Without {@code web.public_url}
 * rooms get no widgets (Matrix clients could not load them).
 *
 * @param host the address the web server listens on
 * @param port its port
 * @param publicUrl the URL Matrix clients load the widgets from (a reverse proxy's, say); ""
 *     for no widgets
 * @param stream the livestream URL template; "" for no livestream
 * @param video the video call URL template; "" for no "Join" button
 * @param scratchpad the scratchpad URL template; "" for no scratchpad widget
 */
public record WebSettings(String host, int port, String publicUrl, String stream, String video,
    String scratchpad) {

  static WebSettings of(ConfigFile.WebSection web, ConfigFile.WidgetsSection widgets,
      Problems problems) {
    String host = ConfigDefaults.WEB_HOST;
    int port = ConfigDefaults.WEB_PORT;
    String publicUrl = "";
    if (web != null) {
      if (web.listen() != null) {
        String listen = web.listen().strip();
        int colon = listen.lastIndexOf(':');
        try {
          port = Integer.parseInt(listen.substring(colon + 1));
          host = colon > 0 ? listen.substring(0, colon) : host;
        } catch (NumberFormatException e) {
          port = -1;
        }
        if (port < 0 || port > 65535) {
          problems.add("web.listen", "'" + listen + "' is not address:port (e.g. 127.0.0.1:8080)");
        }
      }
      publicUrl = Fields.httpUrl(web.publicUrl(), "web.public_url", problems);
    }
    ConfigFile.WidgetsSection given = Objects.requireNonNullElse(widgets,
        new ConfigFile.WidgetsSection(null, null, null, null));
    String video = template(given.video(), "widgets.video", problems);
    if (video.isEmpty() && given.jitsiDomain() != null && !given.jitsiDomain().isBlank()) {
      String domain = given.jitsiDomain().strip();
      if (!domain.matches("[A-Za-z0-9.-]+(:[0-9]+)?")) {
        problems.add("widgets.jitsi_domain", "'" + domain + "' is not a host name (e.g."
            + " meet.jit.si)");
      }
      video = ConfigDefaults.JITSI_ROOM.replace("{domain}", domain);
    }
    return new WebSettings(host, port, publicUrl,
        template(given.stream(), "widgets.stream", problems), video,
        template(given.scratchpad(), "widgets.scratchpad", problems));
  }

  /** The widgets the planner places, made by {@code botUserId}. */
  public WidgetPolicy widgets(String botUserId) {
    return new WidgetPolicy(publicUrl, stream, video, scratchpad, botUserId);
  }

  private static String template(String value, String field, Problems problems) {
    String template = Fields.httpUrl(value, field, problems);
    List<String> unknown = UrlTemplate.unknown(template);
    if (!unknown.isEmpty()) {
      problems.add(field, "unknown placeholder " + unknown.stream().map(n -> "{" + n + "}")
          .toList() + " (expected " + UrlTemplate.PLACEHOLDERS.stream()
          .map(n -> "{" + n + "}").toList() + ")");
    }
    return template;
  }
}
