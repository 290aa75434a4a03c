package io.usher.questions;

import io.usher.matrix.RoomEvent;
import io.usher.web.Question;
import java.time.Instant;
import java.util.Comparator;
import java.util.HashMap;
import java.util.HashSet;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.regex.Pattern;

/**
 * The messages of one room and the thumbs-up each got, from {@code m.room.message},
 * {@code m.reaction} (an {@code m.annotation} relation,
 * https://spec.matrix.org/latest/client-server-api/#mreaction), edits ({@code m.replace}) and
 * redactions, in any order; and the senders' display names, each from the newest
 * {@code m.room.member} event seen (https://spec.matrix.org/latest/client-server-api/#mroommember),
 * so a name set after joining replaces the one before. Not thread-safe.
 */
final class Tally {
  /** Skin tones and the emoji variation selector, which do not change a 👍. */
  private static final Pattern MODIFIERS = Pattern.compile("[\\x{FE0F}\\x{1F3FB}-\\x{1F3FF}]");
  private final String botUserId;
  private final Map<String, Message> messages = new LinkedHashMap<>();
  private final Map<String, Reaction> reactions = new HashMap<>();
  private final Set<String> redacted = new HashSet<>();
  private final Map<String, Name> names = new HashMap<>();
  /** Edits read before their message (a backwards read pages newest first). */
  private final Map<String, RoomEvent> pendingEdits = new HashMap<>();

  Tally(String botUserId) {
    this.botUserId = botUserId;
  }

  void add(RoomEvent event) {
    if (redacted.contains(event.eventId())) {
      return;
    }
    switch (event.type()) {
      case "m.room.message" -> message(event);
      case "m.reaction" -> reaction(event);
      case "m.room.redaction" -> redact(event.text("redacts"));
      case "m.room.member" -> event.stateKey().ifPresent(user ->
          name(user, event.content(), event.originServerTs()));
      default -> { }
    }
  }

  /**
   * A member event read as state, not in a timeline: {@code asOf} is the timestamp of the
   * timeline it came before (a {@code /sync} room's first event: the state is current then), or
   * {@link Long#MIN_VALUE} for state of unknown age (a {@code /messages} page's lazy-loaded
   * members, as they were at some past event), which only names someone not named yet.
   */
  void member(String userId, Map<String, Object> content, long asOf) {
    name(userId, content, asOf);
  }

  /** Whether this event was counted, or redacted: a backwards read stops there. */
  boolean knows(String eventId) {
    return messages.containsKey(eventId) || reactions.containsKey(eventId)
        || redacted.contains(eventId);
  }

  /** Messages sent in [from, to), most thumbs-up first, then oldest first. */
  List<Question> ranked(Instant from, Instant to) {
    Map<String, Set<String>> thumbs = new HashMap<>();
    reactions.values().forEach(r -> thumbs.computeIfAbsent(r.target(), t -> new HashSet<>())
        .add(r.sender()));
    return messages.values().stream()
        .filter(m -> !m.sentAt().isBefore(from) && m.sentAt().isBefore(to))
        .map(m -> new Question(m.id(), nameOf(m.sender()), m.body(),
            thumbs.getOrDefault(m.id(), Set.of()).size(), m.sentAt()))
        .sorted(Comparator.comparingInt(Question::thumbsUp).reversed()
            .thenComparing(Question::sentAt))
        .toList();
  }

  /**
   * The newest join's display name wins (one without a name clears it); someone who left keeps
   * the name they asked under.
   */
  private void name(String userId, Map<String, Object> content, long asOf) {
    Name known = names.get(userId);
    if (known != null && (asOf == Long.MIN_VALUE || asOf < known.asOf()
        || !"join".equals(content.get("membership")))) {
      return;
    }
    Object name = content.get("displayname");
    names.put(userId, new Name(name instanceof String s && !s.isBlank() ? s : null, asOf));
  }

  private String nameOf(String userId) {
    Name name = names.get(userId);
    return name == null || name.name() == null ? userId : name.name();
  }

  private void message(RoomEvent event) {
    Map<String, Object> relation = map(event.content().get("m.relates_to"));
    if ("m.replace".equals(relation.get("rel_type"))) {
      String target = String.valueOf(relation.get("event_id"));
      if (messages.containsKey(target)) {
        edit(messages.get(target), event);
      } else {
        pendingEdits.merge(target, event,
            (a, b) -> a.originServerTs() >= b.originServerTs() ? a : b);
      }
      return;
    }
    String msgtype = event.text("msgtype");
    // Notices are bots' announcements; only what people type can be a question.
    if (event.sender().equals(botUserId) || event.text("body").isBlank()
        || !(msgtype.equals("m.text") || msgtype.equals("m.emote"))) {
      return;
    }
    Message message = new Message(event.eventId(), event.sender(), event.text("body"),
        Instant.ofEpochMilli(event.originServerTs()));
    messages.put(event.eventId(), message);
    RoomEvent edit = pendingEdits.remove(event.eventId());
    if (edit != null) {
      edit(message, edit);
    }
  }

  /** Only the sender may edit a message (as clients check). */
  private void edit(Message original, RoomEvent edit) {
    Object body = map(edit.content().get("m.new_content")).get("body");
    if (original.sender().equals(edit.sender()) && body instanceof String text) {
      messages.put(original.id(), new Message(original.id(), original.sender(), text,
          original.sentAt()));
    }
  }

  private void reaction(RoomEvent event) {
    Map<String, Object> relation = map(event.content().get("m.relates_to"));
    if ("m.annotation".equals(relation.get("rel_type")) && relation.get("event_id") != null
        && isThumbsUp(String.valueOf(relation.get("key")))) {
      reactions.put(event.eventId(), new Reaction(String.valueOf(relation.get("event_id")),
          event.sender()));
    }
  }

  private void redact(String eventId) {
    redacted.add(eventId);
    messages.remove(eventId);
    reactions.remove(eventId);
  }

  /** 👍 with or without a skin tone or variation selector, or its shortcode. */
  static boolean isThumbsUp(String key) {
    String bare = MODIFIERS.matcher(key).replaceAll("").strip();
    return bare.equals("\uD83D\uDC4D") || bare.equals(":+1:") || bare.equals("+1")
        || bare.equals(":thumbsup:");
  }

  @SuppressWarnings("unchecked")
  private static Map<String, Object> map(Object value) {
    return value instanceof Map<?, ?> m ? (Map<String, Object>) m : Map.of();
  }

  private record Message(String id, String sender, String body, Instant sentAt) {}

  private record Reaction(String target, String sender) {}

  /** A display name (null for none) and the timestamp of the event that set it. */
  private record Name(String name, long asOf) {}
}
