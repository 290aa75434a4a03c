package io.usher.plan;

import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.function.Function;

/**
 * Room ids inside state contents that are not known when the desired state is made (a
 * restricted join rule names the staff space): the {@link RoomKey} stands in the content and is
 * replaced by the room's id once the room exists.
 */
public final class RoomRefs {
  private RoomRefs() {}

  /**
   * {@code content} with each {@link RoomKey} replaced by its room id where {@code ids} knows it
   * (empty for a room not created yet: the key then stays).
   */
  public static Map<String, Object> resolve(Map<String, Object> content,
      Function<RoomKey, Optional<String>> ids) {
    Map<String, Object> out = new LinkedHashMap<>();
    content.forEach((k, v) -> out.put(k, value(v, ids)));
    return out;
  }

  /**
   * {@code content} with the ids of every room it names, for sending.
   *
   * @throws IllegalStateException when one of them has no id (its creation failed)
   */
  public static Map<String, Object> resolveAll(Map<String, Object> content,
      Function<RoomKey, Optional<String>> ids) {
    Map<String, Object> out = resolve(content, ids);
    List<RoomKey> missing = keys(out);
    if (!missing.isEmpty()) {
      throw new IllegalStateException("needs " + missing + ", which could not be created");
    }
    return out;
  }

  /** The keys that {@code content} refers to. */
  public static List<RoomKey> keys(Map<String, Object> content) {
    List<RoomKey> keys = new ArrayList<>();
    collect(content, keys);
    return keys;
  }

  @SuppressWarnings("unchecked")
  private static Object value(Object value, Function<RoomKey, Optional<String>> ids) {
    if (value instanceof RoomKey key) {
      return ids.apply(key).<Object>map(id -> id).orElse(key);
    }
    if (value instanceof Map<?, ?> map) {
      return resolve((Map<String, Object>) map, ids);
    }
    if (value instanceof List<?> list) {
      return list.stream().map(v -> value(v, ids)).toList();
    }
    return value;
  }

  private static void collect(Object value, List<RoomKey> keys) {
    if (value instanceof RoomKey key) {
      keys.add(key);
    } else if (value instanceof Map<?, ?> map) {
      map.values().forEach(v -> collect(v, keys));
    } else if (value instanceof List<?> list) {
      list.forEach(v -> collect(v, keys));
    }
  }
}
