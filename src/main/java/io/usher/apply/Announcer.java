package io.usher.apply;

import io.usher.lifecycle.Announcement;
import io.usher.matrix.MatrixClient;
import java.time.Instant;
import java.util.Collection;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.Map;
import java.util.Set;
import java.util.concurrent.ConcurrentHashMap;

/**
 * Posts announcements and records them on the homeserver, in the bot's room account data of the
 * talk room (https://spec.matrix.org/latest/client-server-api/#client-config): private to the bot,
 * read back with the startup {@code /sync}, and no state change that every client would sync.
 *
 * <p>A crash between posting and recording is covered by the deterministic transaction id:
 * Synapse answers a repeated one (same access token, within 24 hours) with the first event.
 */
public final class Announcer {
  /** The room account data type holding {@code {"announced": {recordId: {status, at}}}}. */
  public static final String RECORD_TYPE = "io.usher.announcements";

  private final MatrixClient client;
  private final String botUserId;
  private final Map<String, Map<String, Object>> records = new ConcurrentHashMap<>();

  /**
   * @param botUserId the bot's user id ({@code @bot:server}), under which the records are kept
   *     as room account data; no request is made until used
   */
  public Announcer(MatrixClient client, String botUserId) {
    this.client = client;
    this.botUserId = botUserId;
  }

  /**
   * Adds what a snapshot found to what this process recorded. Records only grow, and a snapshot
   * read from a lagging worker can miss the latest ones: dropping them here would make the
   * next record of that room overwrite them.
   */
  public void load(Snapshot snapshot) {
    snapshot.records().forEach((roomId, content) -> announced(content).forEach(records
        .computeIfAbsent(roomId, id -> new ConcurrentHashMap<>())::putIfAbsent));
  }

  /** Posts one announcement in a room; returns the event id. */
  public String post(Announcement announcement, String roomId) {
    return client.sendNotice(roomId, announcement.txnId(), announcement.body(),
        announcement.html(), announcement.marker());
  }

  /**
   * Records that an announcement was handled, in the talk room's account data.
   *
   * @param status {@code sent} or {@code skipped}
   * @param at when it was handled, a UTC instant
   */
  public void record(String talkRoomId, String recordId, String status, Instant at) {
    Map<String, Object> announced = records.computeIfAbsent(talkRoomId,
        id -> new ConcurrentHashMap<>());
    announced.put(recordId, Map.of("status", status, "at", at.toString()));
    client.putRoomAccountData(botUserId, talkRoomId, RECORD_TYPE,
        Map.of("announced", new LinkedHashMap<>(announced)));
  }

  static Set<String> recordIds(Collection<Map<String, Object>> contents) {
    Set<String> ids = new HashSet<>();
    contents.forEach(content -> ids.addAll(announced(content).keySet()));
    return ids;
  }

  private static Map<String, Object> announced(Map<String, Object> content) {
    Map<String, Object> out = new ConcurrentHashMap<>();
    if (content.get("announced") instanceof Map<?, ?> map) {
      map.forEach((k, v) -> out.put(String.valueOf(k), v));
    }
    return out;
  }
}
