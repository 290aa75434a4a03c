package io.usher.app.config;

import java.util.List;
import java.util.Map;

/** The YAML config file as written, before validation. Field names are snake_case in YAML. */
record ConfigFile(Homeserver homeserver, ConferenceSection conference, List<String> organisers,
    List<String> moderators, ApplySection apply, String managementRoom,
    LifecycleSection lifecycle, PeopleSection people, Map<String, Map<String, Integer>> roles,
    OnboardingSection onboarding, WebSection web, WidgetsSection widgets,
    HallwaySection hallway, SchedulerSection scheduler) {

  record Homeserver(String url, String accessToken, String accessTokenFile,
      Boolean liftOwnRateLimits, String appserviceRegistration) {
    @Override
    public String toString() {
      return "Homeserver[url=" + url + ", accessTokenFile=" + accessTokenFile
          + ", appserviceRegistration=" + appserviceRegistration + "]";
    }
  }

  record ConferenceSection(String id, String name, String timeZone, String schedule,
      String groupBy, String refreshEvery, Map<String, String> scheduleHeaders,
      String scheduleCache, RemovalGuardSection removalGuard) {
    @Override
    public String toString() {
      return "ConferenceSection[id=" + id + ", schedule=" + schedule + "]";
    }
  }

  record HallwaySection(String history) {}

  record SchedulerSection(StoreSection store) {}

  record StoreSection(String jdbcUrl, String user, String passwordFile,
      String checkinInterval) {}

  record RemovalGuardSection(String share, Integer most) {}

  record LifecycleSection(String reminderBefore, String upNextBefore, String qaBeforeEnd,
      String endWarningBefore, String grace, Map<String, TextsSection> texts) {}

  record TextsSection(String track, String talk) {}

  record ApplySection(Integer parallelism) {}

  record PeopleSection(String file, Boolean demoteUnlisted, Double invitesPerSecond,
      String identityServer) {}

  record WebSection(String listen, String publicUrl) {}

  record WidgetsSection(String stream, String video, String jitsiDomain, String scratchpad) {}

  record OnboardingSection(String atSign, String replacement, Boolean keepPlusTag,
      Double perSecond, Boolean inviteToSpace) {}
}
