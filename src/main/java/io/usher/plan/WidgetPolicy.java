package io.usher.plan;

import java.util.Objects;

/**
 * Where the widget pages are served and which outside services they show. Templates use the
 * placeholders of {@link UrlTemplate}; an empty template leaves its widget out (livestream and
 * scratchpad) or its button out (video).
 *
 * @param baseUrl the public URL of Usher's web server (no trailing slash); empty for no widgets
 * @param streamTemplate the HLS playlist URL of a track's or talk's livestream
 * @param videoTemplate the video call a talk room's "Join" opens (Jitsi, BigBlueButton)
 * @param scratchpadTemplate a talk's shared notes (an Etherpad or HedgeDoc pad)
 * @param creatorUserId the bot's user id, written as {@code creatorUserId} of each widget
 */
public record WidgetPolicy(String baseUrl, String streamTemplate, String videoTemplate,
    String scratchpadTemplate, String creatorUserId) {

  public WidgetPolicy {
    baseUrl = Objects.requireNonNullElse(baseUrl, "").replaceAll("/+$", "");
    streamTemplate = Objects.requireNonNullElse(streamTemplate, "");
    videoTemplate = Objects.requireNonNullElse(videoTemplate, "");
    scratchpadTemplate = Objects.requireNonNullElse(scratchpadTemplate, "");
    creatorUserId = Objects.requireNonNullElse(creatorUserId, "");
  }

  /** No widgets in any room. */
  public static WidgetPolicy none() {
    return new WidgetPolicy("", "", "", "", "");
  }

  public boolean enabled() {
    return !baseUrl.isEmpty();
  }
}
