package io.usher.app;

import java.util.List;

/** The YAML config file as written, before validation. Field names are snake_case in YAML. */
record ConfigFile(Homeserver homeserver, ConferenceSection conference, List<String> organisers,
    List<String> moderators, ApplySection apply) {

  record Homeserver(String url, String accessToken, String accessTokenFile) {
    @Override
    public String toString() {
      return "Homeserver[url=" + url + ", accessTokenFile=" + accessTokenFile + "]";
    }
  }

  record ConferenceSection(String id, String name, String timeZone, String schedule,
      String groupBy) {}

  record ApplySection(Integer parallelism) {}
}
