package io.usher.schedule.frab;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonPointer;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.MissingNode;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.SourceLocation;
import java.io.IOException;
import java.io.InputStream;
import java.util.HashMap;
import java.util.Map;

/**
 * A JSON document as a tree, with the line each of its values starts on: a {@link JsonNode}
 * knows neither its place nor its line, and errors must name both.
 */
final class JsonDocument {
  private final String source;
  private final JsonNode root;
  /** Line (1-based) of each value by its JSON pointer; a field's is its name's line. */
  private final Map<JsonPointer, Integer> lines;

  private JsonDocument(String source, JsonNode root, Map<JsonPointer, Integer> lines) {
    this.source = source;
    this.root = root;
    this.lines = lines;
  }

  /**
   * Reads {@code in} whole (UTF-8, -16 or -32, as Jackson detects).
   *
   * @throws ScheduleException for malformed JSON, at its line, or when {@code in} cannot be read
   */
  static JsonDocument read(ObjectMapper mapper, InputStream in, String source)
      throws ScheduleException {
    try {
      byte[] bytes = in.readAllBytes();
      // Two passes over bytes in memory: the streaming one knows lines, the tree one does not.
      Map<JsonPointer, Integer> lines = lines(mapper, bytes);
      JsonNode root = mapper.readTree(bytes);
      return new JsonDocument(source, root == null ? MissingNode.getInstance() : root, lines);
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      throw new ScheduleException(new SourceLocation(source, line),
          "malformed JSON: " + e.getOriginalMessage());
    } catch (IOException e) {
      throw new ScheduleException(new SourceLocation(source, 0),
          "cannot read schedule: " + e.getMessage());
    }
  }

  private static Map<JsonPointer, Integer> lines(ObjectMapper mapper, byte[] bytes)
      throws IOException {
    Map<JsonPointer, Integer> lines = new HashMap<>();
    try (JsonParser parser = mapper.getFactory().createParser(bytes)) {
      for (JsonToken token = parser.nextToken(); token != null; token = parser.nextToken()) {
        if (token != JsonToken.END_OBJECT && token != JsonToken.END_ARRAY) {
          // First token at a pointer wins: a field's name, then its value (same place).
          lines.putIfAbsent(parser.getParsingContext().pathAsPointer(),
              parser.currentTokenLocation().getLineNr());
        }
      }
    }
    return lines;
  }

  /** The whole document, at the empty pointer. */
  JsonAt root() {
    return new JsonAt(this, JsonPointer.empty(), "", root);
  }

  String source() {
    return source;
  }

  /** Where the value at {@code pointer} is; a missing one is placed at its nearest parent. */
  SourceLocation where(JsonPointer pointer) {
    for (JsonPointer at = pointer; at != null; at = at.head()) {
      Integer line = lines.get(at);
      if (line != null) {
        return new SourceLocation(source, line);
      }
    }
    return new SourceLocation(source, 0);
  }
}
