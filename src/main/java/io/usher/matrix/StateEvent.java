package io.usher.matrix;

import com.fasterxml.jackson.annotation.JsonProperty;
import java.util.Map;

/**
 * A state event as sent in {@code initial_state} or read from {@code /sync}: type, state_key
 * and content (JSON object as maps, lists, strings, numbers and booleans).
 */
public record StateEvent(
    String type, @JsonProperty("state_key") String stateKey, Map<String, Object> content) {}
