package io.usher.apply;

import io.usher.matrix.MatrixException;
import io.usher.matrix.StateEvent;
import io.usher.plan.Html;
import io.usher.plan.RoomKey;
import io.usher.plan.RoomRefs;
import io.usher.plan.StateTypes;
import io.usher.plan.diff.Action;
import io.usher.plan.diff.Action.CloseRoom;
import io.usher.plan.diff.Action.CreateRoom;
import io.usher.plan.diff.Action.Link;
import io.usher.plan.diff.Action.LinkChild;
import io.usher.plan.diff.Action.LinkParent;
import io.usher.plan.diff.Action.PutState;
import io.usher.plan.diff.Action.UpdatePeople;
import io.usher.plan.diff.ObservedConference;
import io.usher.plan.diff.Plan;
import java.util.ArrayList;
import java.util.Collections;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.TreeMap;
import java.util.concurrent.ConcurrentHashMap;
import java.util.concurrent.ExecutionException;
import java.util.concurrent.ExecutorService;
import java.util.concurrent.Executors;
import java.util.concurrent.Future;
import java.util.concurrent.atomic.AtomicInteger;
import java.util.concurrent.atomic.AtomicReference;
import java.util.function.Consumer;

/**
 * Executes a plan: room creations wave by wave (a space only after the children it lists), then
 * every state change and space link, each stage with bounded parallelism. A failed action is
 * reported and the rest go on; a re-run picks up what is missing.
 */
public final class PlanExecutor {
  private final Homeserver client;
  private final String serverName;
  private final String botUserId;
  private final int parallelism;
  private final Consumer<String> progressSink;
  private final PeopleUpdater people;

  /**
   * @param parallelism how many requests may be in flight at once (at least 1)
   * @param progressSink receives progress lines ({@code done/total, rate, ETA})
   * @param emailInvites how to send e-mail invites, when an identity server is configured
   */
  /** The homeserver's name, as in the rooms' aliases. */
  String serverName() {
    return serverName;
  }

  public PlanExecutor(Homeserver client, String serverName, String botUserId, int parallelism,
      Consumer<String> progressSink, Optional<EmailInvites> emailInvites) {
    this.client = client;
    this.people = new PeopleUpdater(client, emailInvites);
    this.serverName = serverName;
    this.botUserId = botUserId;
    this.parallelism = Math.max(1, parallelism);
    this.progressSink = progressSink;
  }

  /**
   * Executes every action; the progress lines' ETA follows the homeserver's rate limits. A
   * failed action is a line in {@link ApplyResult#failures()}, never an exception.
   *
   * @param observed the reading the plan was made against: the room ids of existing rooms
   */
  public ApplyResult execute(Plan plan, ObservedConference observed) {
    Run run = new Run(plan.actions().size());
    observed.rooms().forEach(room -> run.roomIds.put(room.key(), room.roomId()));
    run.progress.hearing(client::addRateLimitListener, () -> {
      createRooms(plan, run);
      // One room's changes go one after another: concurrent state events in one room fork its
      // DAG, and Synapse's /sync then shows one branch's state (a re-apply would redo the other).
      Map<RoomKey, List<Action>> byRoom = new LinkedHashMap<>();
      plan.updates().forEach(a -> byRoom.computeIfAbsent(a.room(), r -> new ArrayList<>())
          .add(a));
      run.inBatches(List.copyOf(byRoom.values()), action -> change(action, run));
    });
    if (run.stopped.get() != null) {
      run.failures.add("stopped early, " + run.notTried.get() + " actions not tried: the"
          + " homeserver did not answer (" + run.stopped.get() + "); run apply again once it"
          + " answers");
    }
    return new ApplyResult(plan.actions().size(), Map.copyOf(run.created), run.failures,
        run.warnings);
  }

  private void createRooms(Plan plan, Run run) {
    if (plan.creates().isEmpty()) {
      return;
    }
    RoomCreator creator = new RoomCreator(client, serverName, botUserId,
        RoomCreator.creatorInUsers(client.defaultRoomVersion()));
    Map<Integer, List<CreateRoom>> waves = new TreeMap<>();
    plan.creates().forEach(c -> waves.computeIfAbsent(c.wave(), w -> new ArrayList<>()).add(c));
    waves.values().forEach(wave -> run.all(wave, create -> create(creator, create, run)));
    run.created.entrySet().stream().filter(e -> Publication.listed(e.getKey().kind()))
        .findFirst().ifPresent(e -> {
          try {
            creator.checkPublished(e.getKey(), e.getValue(), run.warnings::add);
          } catch (MatrixException unreadable) {
            run.warnings.add("cannot tell whether the track rooms are in the public room list: "
                + unreadable.getMessage());
          }
        });
  }

  private void create(RoomCreator creator, CreateRoom create, Run run) {
    List<StateEvent> links = new ArrayList<>();
    for (Link link : create.links()) {
      Optional.ofNullable(run.roomIds.get(link.target())).ifPresentOrElse(
          id -> links.add(new StateEvent(link.type(), id, link.content())),
          () -> run.failures.add(create.room() + ": not linking " + link.target()
              + ", which could not be created"));
    }
    String roomId = creator.create(create, links, run::knownId, run.warnings::add);
    run.roomIds.put(create.room(), roomId);
    run.created.put(create.room(), roomId);
  }

  private void change(Action action, Run run) {
    String roomId = run.idOf(action.room());
    if (action instanceof PutState put) {
      client.putState(roomId, put.type(), put.stateKey(),
          RoomRefs.resolveAll(put.content(), run::knownId));
    } else if (action instanceof LinkChild link) {
      client.putState(roomId, StateTypes.SPACE_CHILD, run.idOf(link.child()), link.content());
    } else if (action instanceof LinkParent link) {
      client.putState(roomId, StateTypes.SPACE_PARENT, run.idOf(link.parent()), link.content());
    } else if (action instanceof UpdatePeople update) {
      people.apply(update, roomId, run.failures);
    } else if (action instanceof Action.ClaimAlias claim) {
      new AliasClaim(client, botUserId).claim(claim.room(), roomId, claim.alias(),
          run.warnings::add);
    } else if (action instanceof CloseRoom close) {
      client.sendNotice(roomId, close.txnId(), close.notice(), Html.escape(close.notice()));
      client.putState(roomId, StateTypes.NAME, "", Map.of("name", close.name()));
      client.putState(roomId, StateTypes.CLOSED, "", Map.of("reason", "cancelled"));
    } else {
      throw new IllegalStateException("creations run first: " + action);
    }
  }

  /** The state of one execution, shared by its worker threads. */
  private final class Run {
    final Map<RoomKey, String> roomIds = new ConcurrentHashMap<>();
    final Map<RoomKey, String> created = new ConcurrentHashMap<>();
    final List<String> failures = Collections.synchronizedList(new ArrayList<>());
    final List<String> warnings = Collections.synchronizedList(new ArrayList<>());
    final Progress progress;
    /** Why the run stopped early: the homeserver did not answer, so the rest would not either. */
    final AtomicReference<String> stopped = new AtomicReference<>();
    final AtomicInteger notTried = new AtomicInteger();

    Run(int total) {
      this.progress = new Progress("apply", "actions", total, progressSink);
    }

    /** The room's id, when it exists (read, or created by this run). */
    Optional<String> knownId(RoomKey key) {
      return Optional.ofNullable(roomIds.get(key));
    }

    String idOf(RoomKey key) {
      String id = roomIds.get(key);
      if (id == null) {
        throw new IllegalStateException(key + " has no room (its creation failed)");
      }
      return id;
    }

    /** Runs every task with bounded parallelism and waits for all; failures are recorded. */
    <T extends Action> void all(List<T> actions, Consumer<T> task) {
      inBatches(actions.stream().map(List::of).toList(), task);
    }

    /** The same, each batch's actions in order, batches in parallel. */
    <T extends Action> void inBatches(List<List<T>> batches, Consumer<T> task) {
      ExecutorService pool = Executors.newFixedThreadPool(parallelism);
      try {
        List<Future<?>> futures = new ArrayList<>();
        for (List<T> batch : batches) {
          futures.add(pool.submit(() -> batch.forEach(action -> {
            if (stopped.get() != null) {
              notTried.incrementAndGet();
              return;
            }
            try {
              task.accept(action);
            } catch (MatrixException | IllegalStateException e) {
              failures.add(action.room() + ": " + describe(action) + ": " + e.getMessage());
              if (e instanceof MatrixException m && m.isNoResponse()) {
                stopped.compareAndSet(null, e.getMessage());
              }
            } finally {
              progress.step();
            }
          })));
        }
        for (Future<?> future : futures) {
          future.get();
        }
      } catch (InterruptedException e) {
        Thread.currentThread().interrupt();
        failures.add("interrupted; re-run apply to finish");
      } catch (ExecutionException e) {
        throw new IllegalStateException("unexpected error in apply", e.getCause());
      } finally {
        pool.shutdownNow();
      }
    }
  }

  private static String describe(Action action) {
    if (action instanceof PutState put) {
      return "set " + put.type();
    }
    if (action instanceof LinkChild link) {
      return "list " + link.child();
    }
    if (action instanceof LinkParent link) {
      return "link to " + link.parent();
    }
    if (action instanceof UpdatePeople) {
      return "update power levels and invites";
    }
    if (action instanceof Action.ClaimAlias claim) {
      return "give it " + claim.alias();
    }
    if (action instanceof CloseRoom) {
      return "close the cancelled talk's room";
    }
    return "create";
  }
}
