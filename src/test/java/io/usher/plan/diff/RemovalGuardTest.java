package io.usher.plan.diff;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import org.junit.jupiter.api.Test;

class RemovalGuardTest {
  private final RemovalGuard guard = new RemovalGuard(0.10, 25);

  @Test
  void aShareOrACountTooLargeIsRefused() {
    assertThat(guard.refusal(25, 773)).isEmpty();
    assertThat(guard.refusal(26, 773)).hasValueSatisfying(why -> assertThat(why)
        .isEqualTo("this schedule removes 26 of 773 talks (3 %), more than the 10 % or 25"
            + " talks that conference.removal_guard allows at once"));
    assertThat(guard.refusal(4, 30)).isPresent();
    assertThat(guard.refusal(3, 30)).isEmpty();
    assertThat(guard.refusal(773, 773)).isPresent();
  }

  @Test
  void oneTalkAloneIsAlwaysFollowedUnlessNoneMayGo() {
    assertThat(guard.refusal(1, 4)).isEmpty();
    assertThat(guard.refusal(2, 4)).isPresent();
    assertThat(new RemovalGuard(0, 0).refusal(1, 4)).isPresent();
    assertThat(RemovalGuard.CONFIRMED.refusal(773, 773)).isEmpty();
  }

  @Test
  void requireThrowsTheRefusal() {
    assertThatThrownBy(() -> guard.require(30, 40)).isInstanceOf(RemovalRefusedException.class)
        .hasMessageStartingWith("this schedule removes 30 of 40 talks (75 %)");
    assertThatThrownBy(() -> new RemovalGuard(1.5, 1)).isInstanceOf(IllegalArgumentException.class);
  }
}
