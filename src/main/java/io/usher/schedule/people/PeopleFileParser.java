package io.usher.schedule.people;

import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonProcessingException;
import com.fasterxml.jackson.core.JsonToken;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.yaml.YAMLFactory;
import io.usher.schedule.People;
import io.usher.schedule.PersonEntry;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleProblem;
import io.usher.schedule.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.io.StringReader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;

/**
 * Reads a people file, CSV or YAML, into {@link People}. Every problem is reported at once with
 * its file and line; nothing is guessed.
 *
 * <p>CSV: a header row, then one entry per row. Columns (any order, any case):
 * {@code person, name, matrix_id, email, role, track, talk}. YAML: a list (or {@code people:}
 * holding a list) of maps with the same keys, plus {@code roles:}, a list of
 * {@code {role, track | talk}}, for a person with several roles.
 */
public final class PeopleFileParser {
  private final EntryReader entries = new EntryReader();

  /**
   * Reads a people file (UTF-8); the format comes from its extension ({@code .csv},
   * {@code .yaml}, {@code .yml}), else its content.
   *
   * @throws ScheduleException as {@link #parse(String, String)}, or when the file cannot be read
   */
  public People parse(Path file) throws ScheduleException {
    String text;
    try {
      text = Files.readString(file);
    } catch (IOException e) {
      throw new ScheduleException(new SourceLocation(file.toString(), 0),
          "cannot read the people file: " + e.getMessage());
    }
    return parse(text, file.toString());
  }

  /**
   * Reads a people file's text; {@code source} names it in errors, and its extension, if any,
   * says CSV or YAML.
   *
   * @return the entries in file order, one per role
   * @throws ScheduleException listing every problem with its line: unknown columns or keys,
   *     malformed CSV or YAML, Matrix ids and e-mail addresses that are not, unknown roles, a
   *     role without exactly one of track and talk, an entry naming nobody
   */
  public People parse(String text, String source) throws ScheduleException {
    List<ScheduleProblem> problems = new ArrayList<>();
    List<PersonEntry> out = isYaml(text, source)
        ? yaml(text, source, problems) : csv(text, source, problems);
    if (!problems.isEmpty()) {
      throw new ScheduleException(problems);
    }
    return new People(out, source);
  }

  private static boolean isYaml(String text, String source) {
    String name = source.toLowerCase(Locale.ROOT);
    if (name.endsWith(".yaml") || name.endsWith(".yml")) {
      return true;
    }
    if (name.endsWith(".csv")) {
      return false;
    }
    String first = text.lines().map(String::strip)
        .filter(l -> !l.isEmpty() && !l.startsWith("#")).findFirst().orElse("");
    return first.startsWith("-") || first.startsWith("people:");
  }

  private List<PersonEntry> csv(String text, String source,
      List<ScheduleProblem> problems) {
    List<PersonEntry> out = new ArrayList<>();
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    try (Reader reader = new StringReader(text);
        MappingIterator<List<String>> rows = mapper.readerForListOf(String.class)
            .readValues(reader)) {
      List<String> header = null;
      while (rows.hasNextValue()) {
        List<String> row = rows.nextValue();
        // After a row the parser stands on its closing token, on the row's own line.
        int line = rows.getParser().currentTokenLocation().getLineNr();
        if (header == null) {
          header = header(row, new SourceLocation(source, line), problems);
          continue;
        }
        Map<String, String> fields = new LinkedHashMap<>();
        for (int i = 0; i < row.size() && i < header.size(); i++) {
          fields.put(header.get(i), row.get(i));
        }
        out.addAll(entries.read(fields, List.of(), new SourceLocation(source, line), problems));
      }
      if (header == null) {
        problems.add(new ScheduleProblem(new SourceLocation(source, 0),
            "empty people file (expected a header row: " + EntryReader.COLUMNS + ")"));
      }
    } catch (IOException e) {
      problems.add(new ScheduleProblem(new SourceLocation(source, 0),
          "not valid CSV: " + e.getMessage()));
    }
    return out;
  }

  private static List<String> header(List<String> row, SourceLocation where,
      List<ScheduleProblem> problems) {
    List<String> names = new ArrayList<>();
    for (String cell : row) {
      String name = EntryReader.column(cell);
      if (!EntryReader.COLUMNS.contains(name)) {
        problems.add(new ScheduleProblem(where, "unknown column '" + cell + "' (expected "
            + String.join(", ", EntryReader.COLUMNS) + ")"));
      }
      names.add(name);
    }
    return names;
  }

  private List<PersonEntry> yaml(String text, String source,
      List<ScheduleProblem> problems) {
    List<PersonEntry> out = new ArrayList<>();
    ObjectMapper mapper = new ObjectMapper(new YAMLFactory());
    try (JsonParser parser = mapper.createParser(text)) {
      JsonToken first = parser.nextToken();
      if (first == JsonToken.START_OBJECT) {
        String field = parser.nextFieldName();
        if (!"people".equals(field)) {
          problems.add(new ScheduleProblem(new SourceLocation(source, line(parser)),
              "expected a list of people or 'people:' holding one, found '" + field + "'"));
          return out;
        }
        first = parser.nextToken();
      }
      if (first != JsonToken.START_ARRAY) {
        problems.add(new ScheduleProblem(new SourceLocation(source, line(parser)),
            "expected a list of people"));
        return out;
      }
      while (parser.nextToken() == JsonToken.START_OBJECT) {
        SourceLocation where = new SourceLocation(source, line(parser));
        JsonNode item = mapper.readTree(parser);
        out.addAll(yamlItem(item, where, problems));
      }
    } catch (JsonProcessingException e) {
      int line = e.getLocation() == null ? 0 : e.getLocation().getLineNr();
      problems.add(new ScheduleProblem(new SourceLocation(source, line),
          "not valid YAML: " + e.getOriginalMessage()));
    } catch (IOException e) {
      problems.add(new ScheduleProblem(new SourceLocation(source, 0), e.getMessage()));
    }
    return out;
  }

  private List<PersonEntry> yamlItem(JsonNode item, SourceLocation where,
      List<ScheduleProblem> problems) {
    Map<String, String> fields = new LinkedHashMap<>();
    List<Map<String, String>> roles = new ArrayList<>();
    item.fields().forEachRemaining(field -> {
      String name = EntryReader.column(field.getKey());
      if (name.equals("roles") && field.getValue().isArray()) {
        field.getValue().forEach(role -> roles.add(scalars(role, where, problems)));
      } else if (!EntryReader.COLUMNS.contains(name)) {
        problems.add(new ScheduleProblem(where, "unknown field '" + field.getKey()
            + "' (expected " + String.join(", ", EntryReader.COLUMNS) + ", roles)"));
      } else {
        fields.put(name, field.getValue().isValueNode() ? field.getValue().asText() : "");
      }
    });
    return entries.read(fields, roles, where, problems);
  }

  private static Map<String, String> scalars(JsonNode node, SourceLocation where,
      List<ScheduleProblem> problems) {
    Map<String, String> out = new LinkedHashMap<>();
    if (!node.isObject()) {
      problems.add(new ScheduleProblem(where, "roles: expected {role, track or talk}, found "
          + node));
      return out;
    }
    node.fields().forEachRemaining(f -> out.put(EntryReader.column(f.getKey()),
        f.getValue().asText()));
    return out;
  }

  private static int line(JsonParser parser) {
    return parser.currentTokenLocation().getLineNr();
  }
}
