package io.usher.plan;

import java.util.List;

/**
 * Room names and topics cut to what clients show and events carry: the spec asks room names to
 * stay within 255 characters (https://spec.matrix.org/latest/client-server-api/#mroomname), and
 * a topic is one line in most clients; a schedule's long title or abstract must not make a
 * state event the homeserver refuses (65,536 bytes for the whole event).
 */
final class Texts {
  static final int MOST_NAME = 255;
  static final int MOST_TOPIC = 4000;

  private Texts() {}

  /** {@code text}, cut to {@code most} characters with an ellipsis; a cut is a warning. */
  static String shortened(String text, int most, String what, RoomKey key,
      List<String> warnings) {
    if (text.codePointCount(0, text.length()) <= most) {
      return text;
    }
    warnings.add(key + ": " + what + " shortened to " + most + " characters (it had "
        + text.codePointCount(0, text.length()) + ")");
    return text.substring(0, text.offsetByCodePoints(0, most - 1)) + "…";
  }
}
