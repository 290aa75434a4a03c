package io.usher.plan.diff;

import java.util.Locale;
import java.util.Optional;

/**
 * How many talks one new version of a schedule may remove before Usher asks the organiser to
 * confirm: a schedule server's hiccup (an empty or half-rendered export) must not cancel a whole
 * conference. A removal is refused when it takes more than {@code most} talks at once, or more
 * than {@code share} of them; one talk cancelled alone is always followed (at a conference of
 * five talks it is 20 %, and it is what an organiser cancels most).
 *
 * @param share a fraction from 0 to 1 (0.1 for 10 %)
 * @param most a number of talks, 0 or more
 */
public record RemovalGuard(double share, int most) {
  /** Allows any removal: what an organiser's confirmation gives. */
  public static final RemovalGuard CONFIRMED = new RemovalGuard(1, Integer.MAX_VALUE);

  public RemovalGuard {
    if (!(share >= 0 && share <= 1) || most < 0) {
      throw new IllegalArgumentException("share must be 0-1 and most 0 or more: " + share
          + ", " + most);
    }
  }

  /** This guard, or {@link #CONFIRMED} when the organiser has confirmed the removal. */
  public RemovalGuard unless(boolean confirmed) {
    return confirmed ? CONFIRMED : this;
  }

  /**
   * Why removing {@code removed} of {@code of} talks is not done without confirmation, or empty
   * when it is allowed. The text says how many and what the limits are, not how to confirm
   * (each caller has its own way).
   */
  public Optional<String> refusal(int removed, int of) {
    if (removed <= Math.min(1, most) || (removed <= most && removed <= share * of)) {
      return Optional.empty();
    }
    return Optional.of("this schedule removes " + removed + " of " + of + " talks ("
        + percent((double) removed / Math.max(of, 1)) + "), more than the " + percent(share)
        + " or " + most + " talks that conference.removal_guard allows at once");
  }

  /** @throws RemovalRefusedException with {@link #refusal(int, int)}'s text when refused */
  public void require(int removed, int of) {
    refusal(removed, of).ifPresent(why -> {
      throw new RemovalRefusedException(why);
    });
  }

  /** @throws RemovalRefusedException when the talk rooms {@code plan} closes are too many */
  public void require(Plan plan) {
    require(plan.closures().size(), plan.openTalkRooms());
  }

  /** {@link #refusal(int, int)} for the talk rooms a plan closes of those open now. */
  public Optional<String> refusal(Plan plan) {
    return refusal(plan.closures().size(), plan.openTalkRooms());
  }

  private static String percent(double fraction) {
    return String.format(Locale.ROOT, "%.0f %%", fraction * 100);
  }
}
