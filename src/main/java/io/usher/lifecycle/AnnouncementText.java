package io.usher.lifecycle;

import io.usher.plan.Html;
import io.usher.plan.RoomKey;
import java.util.Map;

/**
 * Fills an announcement template's {@code {placeholder}}s, as plain text and as HTML with every
 * value escaped. An unknown placeholder stays as written.
 */
final class AnnouncementText {
  /** How texts write the unit after {@code {minutes}}; a count of one takes the singular. */
  private AnnouncementText() {}

  /** The announcement of {@code template} in {@code room}, with {@code values} filled in. */
  static Announcement render(RoomKey room, String template, Map<String, Value> values,
      String txnId, Map<String, Object> marker) {
    StringBuilder plain = new StringBuilder();
    StringBuilder html = new StringBuilder();
    int i = 0;
    while (i < template.length()) {
      int open = template.indexOf('{', i);
      int close = open < 0 ? -1 : template.indexOf('}', open);
      Value value = close < 0 ? null : values.get(template.substring(open + 1, close));
      if (value == null) {
        int end = open < 0 ? template.length() : open + 1;
        plain.append(template, i, end);
        html.append(Html.escape(template.substring(i, end)));
        i = end;
        continue;
      }
      plain.append(template, i, open).append(value.text());
      html.append(Html.escape(template.substring(i, open))).append(value.html());
      i = close + 1;
      if (value.one() && template.startsWith(PLURAL_UNIT, i)) {
        plain.append(SINGULAR_UNIT);
        html.append(SINGULAR_UNIT);
        i += PLURAL_UNIT.length();
      }
    }
    return new Announcement(room, plain.toString(), html.toString(), txnId, marker);
  }

  private static final String PLURAL_UNIT = " minutes";
  private static final String SINGULAR_UNIT = " minute";

  /**
   * A placeholder's value: text, a count (whose unit after it in the text agrees with it), or a
   * room alias shown as a matrix.to link.
   *
   * @param one whether it is the count 1, so the unit after it is singular
   */
  record Value(String text, String html, boolean one) {
    static Value of(String text) {
      return new Value(text, Html.escape(text), false);
    }

    static Value count(long n) {
      return new Value(Long.toString(n), Long.toString(n), n == 1);
    }

    static Value link(String alias) {
      String href = "https://matrix.to/#/" + alias.replace("#", "%23");
      return new Value(alias, "<a href=\"" + Html.escape(href) + "\">" + Html.escape(alias)
          + "</a>", false);
    }
  }
}
