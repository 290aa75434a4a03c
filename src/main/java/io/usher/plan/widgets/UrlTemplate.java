package io.usher.plan.widgets;

import io.usher.plan.Slugs;
import java.net.URLEncoder;
import java.nio.charset.StandardCharsets;
import java.util.List;
import java.util.Map;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * A URL with placeholders from the config, such as
 * {@code https://stream.example.org/hls/{slug}.m3u8}. Values are URL-encoded as they go in, so
 * schedule text cannot change the URL's shape.
 *
 * <ul>
 *   <li>{@code {track}}: the track id (a slug of its name)
 *   <li>{@code {room}}: the schedule room's name, as given
 *   <li>{@code {slug}}: a slug of the schedule room's name ({@code D.python} gives
 *       {@code d-python})
 *   <li>{@code {conference}}: the conference id
 *   <li>{@code {talk}}: the talk's event id (empty for a track)
 * </ul>
 */
public final class UrlTemplate {
  /** The placeholder names, without braces. */
  public static final List<String> PLACEHOLDERS =
      List.of("track", "room", "slug", "conference", "talk");
  private static final Pattern PLACEHOLDER = Pattern.compile("\\{([^{}]*)}");

  private UrlTemplate() {}

  /** The placeholders of {@code template} that are not among {@link #PLACEHOLDERS}. */
  public static List<String> unknown(String template) {
    return PLACEHOLDER.matcher(template).results().map(m -> m.group(1))
        .filter(name -> !PLACEHOLDERS.contains(name)).distinct().toList();
  }

  static String expand(String template, Map<String, String> values) {
    Matcher matcher = PLACEHOLDER.matcher(template);
    StringBuilder out = new StringBuilder();
    while (matcher.find()) {
      String value = values.getOrDefault(matcher.group(1), "");
      matcher.appendReplacement(out, Matcher.quoteReplacement(encode(value)));
    }
    matcher.appendTail(out);
    return out.toString();
  }

  static String encode(String value) {
    return URLEncoder.encode(value, StandardCharsets.UTF_8).replace("+", "%20");
  }

  /** The values for a room of {@code track}, and for {@code talk} when not empty. */
  static Map<String, String> values(String conferenceId, String trackId, String room,
      String talkId) {
    return Map.of("track", trackId, "room", room, "slug", room.isEmpty() ? trackId
        : Slugs.slug(room), "conference", conferenceId, "talk", talkId);
  }
}
