package io.usher.app.config;

import io.usher.onboard.LocalpartMapping;
import java.util.List;

/**
 * The validated {@code onboarding:} section.
 *
 * @param perSecond how many accounts (and space invites) per second, at most
 * @param inviteToSpace invite each attendee to the conference space (not to its rooms)
 */
public record OnboardingSettings(LocalpartMapping mapping, double perSecond, boolean inviteToSpace) {

  static OnboardingSettings of(ConfigFile.OnboardingSection raw, List<String> problems) {
    LocalpartMapping defaults = LocalpartMapping.defaults();
    if (raw == null) {
      return new OnboardingSettings(defaults, 20, true);
    }
    String at = raw.atSign() == null ? defaults.atSign() : raw.atSign();
    String replacement = raw.replacement() == null ? defaults.replacement() : raw.replacement();
    for (String[] field : new String[][] {{"at_sign", at}, {"replacement", replacement}}) {
      if (!LocalpartMapping.isValid(field[1]) || field[1].length() > 3) {
        problems.add("onboarding." + field[0] + ": '" + field[1] + "' must be 0-3 of a-z 0-9"
            + " . _ = - (it goes into user ids)");
      }
    }
    double rate = raw.perSecond() == null ? 20 : raw.perSecond();
    if (!(rate > 0 && rate <= 1000)) {
      problems.add("onboarding.per_second: " + rate + " is out of range (expected more than 0,"
          + " at most 1000)");
    }
    return new OnboardingSettings(new LocalpartMapping(at, replacement,
        !Boolean.FALSE.equals(raw.keepPlusTag())), rate, !Boolean.FALSE.equals(raw.inviteToSpace()));
  }
}
