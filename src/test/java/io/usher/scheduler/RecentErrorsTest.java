package io.usher.scheduler;

import static org.assertj.core.api.Assertions.assertThat;

import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.stream.IntStream;
import org.junit.jupiter.api.Test;

/** The few errors {@code status} shows: newest kept, oldest first. */
final class RecentErrorsTest {

  @Test
  void keepsErrorsOldestFirst() {
    RecentErrors errors = new RecentErrors(5);
    errors.add("a");
    errors.add("b");

    assertThat(errors.last(5)).containsExactly("a", "b");
  }

  @Test
  void dropsTheOldestBeyondItsCapacity() {
    RecentErrors errors = new RecentErrors(3);
    IntStream.rangeClosed(1, 5).forEach(i -> errors.add("e" + i));

    assertThat(errors.last(10)).containsExactly("e3", "e4", "e5");
  }

  @Test
  void lastNIsTheNewestNStillOldestFirst() {
    RecentErrors errors = new RecentErrors(10);
    IntStream.rangeClosed(1, 4).forEach(i -> errors.add("e" + i));

    assertThat(errors.last(2)).containsExactly("e3", "e4");
    assertThat(errors.last(0)).isEmpty();
    assertThat(new RecentErrors(3).last(3)).isEmpty();
  }

  @Test
  void whatLastReturnedDoesNotChangeWithLaterErrors() {
    RecentErrors errors = new RecentErrors(2);
    errors.add("a");
    var seen = errors.last(2);
    errors.add("b");
    errors.add("c");

    assertThat(seen).containsExactly("a");
  }

  @Test
  void errorsFromManyThreadsAreAllCountedUpToTheCapacity() throws Exception {
    // Tracks fail in parallel (the runner's pool); status must not see a torn deque.
    RecentErrors errors = new RecentErrors(50);
    ExecutorService pool = Executors.newFixedThreadPool(8);
    IntStream.range(0, 2000).forEach(i -> pool.execute(() -> {
      errors.add("e" + i);
      errors.last(10);
    }));
    pool.shutdown();
    assertThat(pool.awaitTermination(10, TimeUnit.SECONDS)).isTrue();

    assertThat(errors.last(100)).hasSize(50).doesNotHaveDuplicates();
  }
}
