package io.usher.commands;

import io.usher.lifecycle.LifecycleStatus;
import io.usher.lifecycle.UpcomingPhase;
import io.usher.plan.diff.Plan;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * A {@link BotControl} that records each call and answers what a test set; with {@link #failure}
 * set, every call records itself and then throws it, as a bot whose homeserver is down would.
 */
final class FakeControl implements BotControl {
  final List<String> calls = new ArrayList<>();
  LifecycleStatus status = new LifecycleStatus("schedule.xml", 0, 0, false, 0, List.of(),
      List.of());
  List<UpcomingPhase> upcoming = List.of();
  Plan plan = new Plan("conf", "Conf", List.of(), List.of(), List.of(), 0, 0);
  String applied = "0 actions";
  String refreshed = "schedule unchanged";
  String verified = "everyone is where they should be\n";
  RuntimeException failure;

  private void call(String what) {
    calls.add(what);
    if (failure != null) {
      throw failure;
    }
  }

  @Override
  public LifecycleStatus status() {
    call("status");
    return status;
  }

  @Override
  public List<UpcomingPhase> upcoming(Optional<String> track, int limit) {
    call("upcoming " + track.orElse("*") + " " + limit);
    return upcoming;
  }

  @Override
  public Plan plan() {
    call("plan");
    return plan;
  }

  @Override
  public String apply() {
    call("apply");
    return applied;
  }

  @Override
  public String refresh(boolean confirmRemovals) {
    call(confirmRemovals ? "refresh --confirm" : "refresh");
    return refreshed;
  }

  @Override
  public String verify(Optional<String> track) {
    call("verify " + track.orElse("*"));
    return verified;
  }

  @Override
  public void run() {
    call("run");
  }

  @Override
  public void pause() {
    call("pause");
  }
}
