package io.usher.app.config;

import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonMappingException;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.exc.UnrecognizedPropertyException;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * Reads the config file's YAML into {@link ConfigFile}, snake_case keys, unknown keys refused;
 * each error names the line and field and what was expected.
 */
final class ConfigYaml {
  private ConfigYaml() {}

  /** @throws ConfigException naming the file, the line and the field */
  static ConfigFile read(Path file) throws ConfigException {
    ObjectMapper yaml = new ObjectMapper(new YAMLFactory())
        .setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(DeserializationFeature.FAIL_ON_UNKNOWN_PROPERTIES);
    try {
      ConfigFile raw = yaml.readValue(file.toFile(), ConfigFile.class);
      if (raw == null) {
        throw new ConfigException(file.toString(), List.of("the file is empty"));
      }
      return raw;
    } catch (UnrecognizedPropertyException e) {
      throw new ConfigException(file.toString(), List.of("line " + keyLine(file, e) + ": unknown field '"
          + path(e) + "' (expected one of " + e.getKnownPropertyIds().stream()
          .map(String::valueOf).sorted().collect(Collectors.joining(", ")) + ")"));
    } catch (JsonMappingException e) {
      throw new ConfigException(file.toString(), List.of("line " + line(e) + ": field '" + path(e)
          + "': " + e.getOriginalMessage().replaceAll(" \\(class [^)]*\\)", "")));
    } catch (JsonProcessingException e) {
      throw new ConfigException(file.toString(), List.of("line " + line(e) + ": not valid YAML: "
          + e.getOriginalMessage()));
    } catch (IOException e) {
      throw new ConfigException(file.toString(), List.of("cannot read: " + e.getMessage()));
    }
  }

  /**
   * The line of an unknown key. Jackson reports records' unknown properties at the end of the
   * enclosing object (they are buffered for the constructor), so the key is looked up instead.
   */
  private static int keyLine(Path file, UnrecognizedPropertyException e) {
    Pattern key = Pattern.compile("^\\s*-?\\s*" + Pattern.quote(e.getPropertyName()) + "\\s*:");
    try {
      List<String> lines = Files.readAllLines(file);
      for (int i = 0; i < lines.size(); i++) {
        if (key.matcher(lines.get(i)).find()) {
          return i + 1;
        }
      }
    } catch (IOException unreadable) {
      // Fall back to Jackson's location.
    }
    return line(e);
  }

  private static int line(JsonProcessingException e) {
    return e.getLocation() == null ? 0 : e.getLocation().getLineNr();
  }

  private static String path(JsonMappingException e) {
    return e.getPath().stream().map(ref -> ref.getFieldName() != null
        ? ref.getFieldName() : "[" + ref.getIndex() + "]").collect(Collectors.joining("."));
  }
}
