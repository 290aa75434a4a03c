package io.usher.questions;

import static org.assertj.core.api.Assertions.assertThat;

import io.usher.matrix.RoomEvent;
import io.usher.web.Question;
import java.time.Instant;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class TallyTest {
  static final Instant T = Instant.parse("2026-02-01T10:00:00Z");
  final Tally tally = new Tally("@bot:x");
  int seq;

  RoomEvent event(String id, String type, String sender, long secondsAfterT,
      Map<String, Object> content) {
    return new RoomEvent(id, type, Optional.empty(), sender,
        T.plusSeconds(secondsAfterT).toEpochMilli(), content);
  }

  void say(String id, String sender, long at, String body) {
    tally.add(event(id, "m.room.message", sender, at, Map.of("msgtype", "m.text", "body", body)));
  }

  void react(String target, String sender, String key) {
    tally.add(event("$r" + seq++, "m.reaction", sender, 100, Map.of("m.relates_to",
        Map.of("rel_type", "m.annotation", "event_id", target, "key", key))));
  }

  List<String> order() {
    return tally.ranked(T, T.plusSeconds(1800)).stream()
        .map(q -> q.body() + ":" + q.thumbsUp()).toList();
  }

  @Test
  void mostThumbsUpFirstThenOldestFirstCountingEachPersonOnce() {
    say("$a", "@ann:x", 10, "first");
    say("$b", "@bob:x", 20, "second");
    say("$c", "@cat:x", 30, "third");
    react("$b", "@ann:x", "👍");
    react("$b", "@cat:x", "👍🏽");
    react("$b", "@cat:x", "👍️");
    react("$c", "@bob:x", ":+1:");
    react("$a", "@bob:x", "❤️");
    assertThat(order()).containsExactly("second:2", "third:1", "first:0");
  }

  @Test
  void onlyMessagesOfTheTalksSlotByPeopleCount() {
    say("$early", "@ann:x", -5, "before the talk");
    say("$late", "@ann:x", 1800, "after the slot");
    tally.add(event("$n", "m.room.message", "@ann:x", 15,
        Map.of("msgtype", "m.notice", "body", "a bot's notice")));
    tally.add(event("$bot", "m.room.message", "@bot:x", 16,
        Map.of("msgtype", "m.text", "body", "Now: the next talk")));
    say("$q", "@ann:x", 20, "a question");
    assertThat(order()).containsExactly("a question:0");
  }

  @Test
  void redactionsAndEditsApplyWhateverOrderTheyArriveIn() {
    tally.add(event("$x", "m.room.redaction", "@bob:x", 50, Map.of("redacts", "$r0")));
    say("$a", "@ann:x", 10, "typo");
    react("$a", "@bob:x", "👍");
    tally.add(event("$e", "m.room.message", "@ann:x", 40, Map.of("msgtype", "m.text",
        "body", "* fixed", "m.new_content", Map.of("msgtype", "m.text", "body", "fixed"),
        "m.relates_to", Map.of("rel_type", "m.replace", "event_id", "$a"))));
    tally.add(event("$e2", "m.room.message", "@eve:x", 41, Map.of("msgtype", "m.text",
        "body", "* hijack", "m.new_content", Map.of("body", "hijack"),
        "m.relates_to", Map.of("rel_type", "m.replace", "event_id", "$a"))));
    assertThat(order()).containsExactly("fixed:0");
    tally.add(event("$y", "m.room.redaction", "@ann:x", 60, Map.of("redacts", "$a")));
    assertThat(order()).isEmpty();
  }

  @Test
  void sendersShowByDisplayName() {
    tally.add(new RoomEvent("$m", "m.room.member", Optional.of("@ann:x"), "@ann:x", 0,
        Map.of("membership", "join", "displayname", "Ann <b>")));
    say("$a", "@ann:x", 10, "hello");
    say("$b", "@bob:x", 11, "hi");
    assertThat(tally.ranked(T, T.plusSeconds(60))).extracting(Question::sender)
        .containsExactly("Ann <b>", "@bob:x");
  }
}
