package io.usher.lifecycle;

import io.usher.plan.RoomKey;
import java.util.Map;

/**
 * A notice to post in one of the conference's rooms.
 *
 * @param room the room it goes to
 * @param body plain text
 * @param html the same as HTML, every schedule text escaped
 * @param txnId a transaction id derived from what is announced, so a repeat is recognised
 * @param marker extra content ({@code io.usher.announcement}) saying what it announces
 */
public record Announcement(RoomKey room, String body, String html, String txnId,
    Map<String, Object> marker) {

  public Announcement {
    marker = Map.copyOf(marker);
  }
}
