package io.usher.onboard;

import io.usher.apply.Progress;
import io.usher.matrix.MatrixClient;
import io.usher.matrix.MatrixException;
import io.usher.matrix.RoomEvent;
import io.usher.matrix.SynapseAdmin;
import io.usher.onboard.AttendeeOutcome.Status;
import io.usher.schedule.Attendee;
import java.util.ArrayList;
import java.util.Collections;
import java.util.HashMap;
import java.util.HashSet;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.TimeUnit;
import java.util.function.Consumer;

/**
 * Makes attendees' accounts ahead of the event, so that first logins do not all create accounts
 * and join rooms at once (Linux Plumbers 2021), and invites them to the conference space only:
 * they join rooms themselves. Idempotent: an existing account with the attendee's e-mail is left
 * alone, and nobody with a membership in the space is invited again. The pace comes from the
 * client ({@link MatrixClient#pace}); this class only bounds how many requests are in flight.
 */
public final class Onboarding {
  private final SynapseAdmin admin;
  private final MatrixClient client;
  private final LocalpartMapping mapping;
  private final String serverName;
  private final int parallelism;
  private final Consumer<String> progressSink;

  public Onboarding(SynapseAdmin admin, MatrixClient client, LocalpartMapping mapping,
      String serverName, int parallelism, Consumer<String> progressSink) {
    this.admin = admin;
    this.client = client;
    this.mapping = mapping;
    this.serverName = serverName;
    this.parallelism = Math.max(1, parallelism);
    this.progressSink = progressSink;
  }

  /**
   * @param spaceRoomId the conference space to invite everyone with an account to, if any
   * @throws MatrixException when the account list cannot be read (for example, the token is
   *     not a server admin's)
   */
  public OnboardingReport run(List<Attendee> attendees, Optional<String> spaceRoomId) {
    List<AttendeeOutcome> outcomes = new ArrayList<>(Collections.nCopies(attendees.size(), null));
    List<Integer> todo = screen(attendees, outcomes);
    Set<String> existing = new HashSet<>(admin.userIds());
    long start = System.nanoTime();
    Progress progress = new Progress("onboard", "accounts", todo.size(), progressSink);
    progress.hearing(client::addRateLimitListener, () -> parallel(todo, i -> {
      outcomes.set(i, account(attendees.get(i), userId(attendees.get(i)), existing));
      progress.step();
    }));
    double seconds = (System.nanoTime() - start) / 1e9;
    List<String> inviteFailures = Collections.synchronizedList(new ArrayList<>());
    int invited = spaceRoomId.map(space -> invite(space, outcomes, inviteFailures)).orElse(0);
    return new OnboardingReport(outcomes, seconds, invited, inviteFailures);
  }

  /** Marks duplicates and conflicts; returns the indexes of attendees to make accounts for. */
  private List<Integer> screen(List<Attendee> attendees, List<AttendeeOutcome> outcomes) {
    Map<String, Integer> byEmail = new HashMap<>();
    Map<String, List<Integer>> byUserId = new HashMap<>();
    for (int i = 0; i < attendees.size(); i++) {
      Attendee a = attendees.get(i);
      Integer earlier = byEmail.putIfAbsent(a.email().toLowerCase(Locale.ROOT), i);
      if (earlier != null) {
        outcomes.set(i, new AttendeeOutcome(a, userId(a), Status.DUPLICATE,
            "same e-mail as " + attendees.get(earlier).location()));
      } else {
        byUserId.computeIfAbsent(userId(a), k -> new ArrayList<>()).add(i);
      }
    }
    List<Integer> todo = new ArrayList<>();
    byUserId.forEach((userId, indexes) -> {
      if (indexes.size() == 1) {
        todo.add(indexes.get(0));
        return;
      }
      for (int i : indexes) {
        List<String> others = indexes.stream().filter(j -> j != i)
            .map(j -> attendees.get(j).email() + " (" + attendees.get(j).location() + ")")
            .toList();
        outcomes.set(i, new AttendeeOutcome(attendees.get(i), userId, Status.CONFLICT,
            "maps to " + userId + " like " + String.join(", ", others)
            + "; no account is made for either: give one of them a different address"));
      }
    });
    Collections.sort(todo);
    return todo;
  }

  private String userId(Attendee attendee) {
    return "@" + mapping.localpart(attendee.email()) + ":" + serverName;
  }

  private AttendeeOutcome account(Attendee attendee, String userId, Set<String> existing) {
    try {
      if (existing.contains(userId)) {
        boolean theirs = admin.user(userId).map(user -> hasEmail(user, attendee.email()))
            .orElse(false);
        return theirs ? new AttendeeOutcome(attendee, userId, Status.EXISTING, "")
            : new AttendeeOutcome(attendee, userId, Status.TAKEN,
                userId + " exists without this e-mail address; left alone, not mapped");
      }
      admin.createUser(userId, attendee.name().isEmpty() ? attendee.email() : attendee.name(),
          attendee.email());
      return new AttendeeOutcome(attendee, userId, Status.CREATED, "");
    } catch (MatrixException e) {
      return new AttendeeOutcome(attendee, userId, Status.FAILED, e.getMessage());
    }
  }

  private static boolean hasEmail(Map<String, Object> user, String email) {
    if (!(user.get("threepids") instanceof List<?> threepids)) {
      return false;
    }
    return threepids.stream().anyMatch(t -> t instanceof Map<?, ?> m
        && "email".equals(m.get("medium"))
        && email.equalsIgnoreCase(String.valueOf(m.get("address"))));
  }

  private int invite(String space, List<AttendeeOutcome> outcomes, List<String> failures) {
    Set<String> members = new HashSet<>();
    for (RoomEvent member : client.members(space)) {
      member.stateKey().ifPresent(members::add);
    }
    List<Integer> todo = new ArrayList<>();
    for (int i = 0; i < outcomes.size(); i++) {
      if (outcomes.get(i).hasAccount() && !members.contains(outcomes.get(i).userId())) {
        todo.add(i);
      }
    }
    Progress progress = new Progress("onboard", "space invites", todo.size(), progressSink);
    progress.hearing(client::addRateLimitListener, () -> parallel(todo, i -> {
      AttendeeOutcome outcome = outcomes.get(i);
      try {
        client.invite(space, outcome.userId());
      } catch (MatrixException e) {
        failures.add(outcome.attendee().location() + ": inviting " + outcome.userId()
            + " to the conference space failed: " + e.getMessage());
      }
      progress.step();
    }));
    return todo.size() - failures.size();
  }

  private void parallel(List<Integer> indexes, Consumer<Integer> task) {
    ExecutorService pool = Executors.newFixedThreadPool(parallelism);
    try {
      indexes.forEach(i -> pool.submit(() -> task.accept(i)));
      pool.shutdown();
      if (!pool.awaitTermination(7, TimeUnit.DAYS)) {
        throw new IllegalStateException("onboarding did not finish");
      }
    } catch (InterruptedException e) {
      Thread.currentThread().interrupt();
      throw new IllegalStateException("interrupted; run onboard again to finish", e);
    } finally {
      pool.shutdownNow();
    }
  }
}
