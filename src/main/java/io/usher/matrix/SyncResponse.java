package io.usher.matrix;

import java.util.List;
import java.util.Map;

/**
 * What a {@code /sync} returned that Usher reads: the next batch token and, for every joined room,
 * its state events (the {@code state} block followed by state events in the {@code timeline}).
 */
public record SyncResponse(String nextBatch, Map<String, List<StateEvent>> joinedRoomState) {}
