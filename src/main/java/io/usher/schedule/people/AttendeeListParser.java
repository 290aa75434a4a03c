package io.usher.schedule.people;

import com.fasterxml.jackson.databind.MappingIterator;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvParser;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import io.usher.schedule.Attendee;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.ScheduleProblem;
import io.usher.schedule.SourceLocation;
import java.io.IOException;
import java.io.Reader;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;

/**
 * Reads a registration list: tab-separated {@code name, e-mail, registration code}, one attendee
 * a line, with an optional header line (recognised by an {@code email} or {@code e-mail}
 * column, whose order then wins). Rows without a valid e-mail address are errors with their line.
 */
public final class AttendeeListParser {
  /**
   * Reads a registration list file (UTF-8, tab-separated).
   *
   * @return the attendees in file order, each with its file and line
   * @throws ScheduleException listing every row whose e-mail is not an address, with its line,
   *     or saying the file cannot be read
   */
  public List<Attendee> parse(Path file) throws ScheduleException {
    String source = file.toString();
    List<Attendee> out = new ArrayList<>();
    List<ScheduleProblem> problems = new ArrayList<>();
    CsvSchema tsv = CsvSchema.emptySchema().withColumnSeparator('\t').withoutQuoteChar();
    try (Reader reader = Files.newBufferedReader(file);
        MappingIterator<List<String>> rows = mapper().readerForListOf(String.class).with(tsv)
            .readValues(reader)) {
      read(rows, source, out, problems);
    } catch (IOException e) {
      problems.add(new ScheduleProblem(new SourceLocation(source, 0),
          "cannot read the registration list: " + e.getMessage()));
    }
    if (!problems.isEmpty()) {
      throw new ScheduleException(problems);
    }
    return out;
  }

  private static CsvMapper mapper() {
    CsvMapper mapper = new CsvMapper();
    mapper.enable(CsvParser.Feature.WRAP_AS_ARRAY);
    mapper.enable(CsvParser.Feature.SKIP_EMPTY_LINES);
    mapper.enable(CsvParser.Feature.TRIM_SPACES);
    return mapper;
  }

  private static void read(MappingIterator<List<String>> rows, String source, List<Attendee> out,
      List<ScheduleProblem> problems) throws IOException {
    int[] columns = {0, 1, 2};
    boolean first = true;
    while (rows.hasNextValue()) {
      List<String> row = rows.nextValue();
      SourceLocation where = new SourceLocation(source,
          rows.getParser().currentTokenLocation().getLineNr());
      if (first && isHeader(row)) {
        columns = columns(row);
        first = false;
        continue;
      }
      first = false;
      String email = cell(row, columns[1]);
      if (!EntryReader.EMAIL.matcher(email).matches()) {
        problems.add(new ScheduleProblem(where, "'" + email + "' is not an e-mail address"
            + " (expected name, e-mail, registration code separated by tabs)"));
        continue;
      }
      out.add(new Attendee(cell(row, columns[0]), email, cell(row, columns[2]), where));
    }
  }

  private static boolean isHeader(List<String> row) {
    return row.stream().map(AttendeeListParser::normal)
        .anyMatch(c -> c.equals("email") || c.equals("mail"));
  }

  /** Positions of name, e-mail and code in a header; a missing one points past the row. */
  private static int[] columns(List<String> header) {
    int[] columns = {99, 99, 99};
    for (int i = 0; i < header.size(); i++) {
      String name = normal(header.get(i));
      if (name.contains("mail")) {
        columns[1] = i;
      } else if (name.contains("code") || name.contains("registration") || name.equals("id")) {
        columns[2] = i;
      } else if (name.contains("name")) {
        columns[0] = i;
      }
    }
    return columns;
  }

  private static String normal(String cell) {
    return cell.strip().toLowerCase(Locale.ROOT).replace("-", "").replace("_", "");
  }

  private static String cell(List<String> row, int index) {
    return index < row.size() ? row.get(index).strip() : "";
  }
}
