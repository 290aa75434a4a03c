package io.usher.scheduler;

import io.usher.lifecycle.Announcement;
import io.usher.lifecycle.Lifecycle;
import io.usher.lifecycle.PhaseEvent;
import io.usher.schedule.Talk;
import io.usher.schedule.TalkId;
import java.time.Clock;
import java.time.Instant;
import java.util.Optional;
import java.util.Set;
import java.util.function.Consumer;
import java.util.function.Predicate;
import java.util.stream.Collectors;

/**
 * Tells the rooms of a talk that moved or was cancelled after people were told about it (its
 * reminder or "up next" went out) and before it ended. Earlier changes need no notice: the
 * announcements will simply follow the new schedule.
 */
final class ChangeNotices {
  private final Clock clock;
  private final Predicate<String> handled;

  ChangeNotices(Clock clock, Predicate<String> handled) {
    this.clock = clock;
    this.handled = handled;
  }

  /** Posts the notices through {@code post}; returns how many talks got one. */
  int post(Lifecycle before, Lifecycle after, Consumer<Announcement> post) {
    Instant now = clock.instant();
    Set<TalkId> told = before.phases().stream().filter(e -> handled.test(e.recordId()))
        .map(PhaseEvent::talk).collect(Collectors.toSet());
    int count = 0;
    for (Talk old : before.talks().values()) {
      Optional<Talk> next = after.talk(old.id());
      boolean changed = next.map(t -> !t.start().equals(old.start())
          || !t.end().equals(old.end())).orElse(true);
      boolean announced = told.contains(old.id());
      if (changed && announced && old.end().isAfter(now)) {
        before.changeNotices(old, next, now).forEach(post);
        count++;
      }
    }
    return count;
  }
}
