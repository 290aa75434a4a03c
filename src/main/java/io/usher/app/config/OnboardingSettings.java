package io.usher.app.config;

import io.usher.onboard.LocalpartMapping;

/**
 * The validated {@code onboarding:} section.
 *
 * @param perSecond how many accounts (and space invites) per second, at most
 * @param inviteToSpace invite each attendee to the conference space (not to its rooms)
 */
public record OnboardingSettings(LocalpartMapping mapping, double perSecond, boolean inviteToSpace) {

  static OnboardingSettings of(ConfigFile.OnboardingSection raw, Problems problems) {
    LocalpartMapping defaults = ConfigDefaults.localparts();
    if (raw == null) {
      return new OnboardingSettings(defaults, ConfigDefaults.ONBOARDING_PER_SECOND,
          ConfigDefaults.INVITE_TO_SPACE);
    }
    String at = raw.atSign() == null ? defaults.atSign() : raw.atSign();
    String replacement = raw.replacement() == null ? defaults.replacement() : raw.replacement();
    for (String[] field : new String[][] {{"at_sign", at}, {"replacement", replacement}}) {
      if (!LocalpartMapping.isValid(field[1]) || field[1].length() > 3) {
        problems.add("onboarding." + field[0], "'" + field[1] + "' must be 0-3 of a-z 0-9"
            + " . _ = - (it goes into user ids)");
      }
    }
    double rate = Fields.perSecond(raw.perSecond(), "onboarding.per_second",
        ConfigDefaults.ONBOARDING_PER_SECOND, problems);
    return new OnboardingSettings(new LocalpartMapping(at, replacement,
        Fields.flag(raw.keepPlusTag(), defaults.keepPlusTag())), rate,
        Fields.flag(raw.inviteToSpace(), ConfigDefaults.INVITE_TO_SPACE));
  }
}
