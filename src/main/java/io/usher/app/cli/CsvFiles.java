package io.usher.app.cli;

import com.fasterxml.jackson.databind.SequenceWriter;
import com.fasterxml.jackson.dataformat.csv.CsvMapper;
import com.fasterxml.jackson.dataformat.csv.CsvSchema;
import java.io.IOException;
import java.io.Writer;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;

/** Writes CSV files for organisers' tools: a header line, then one line per row. */
final class CsvFiles {
  private CsvFiles() {}

  static void write(Path target, List<String> header, List<List<String>> rows)
      throws IOException {
    CsvSchema.Builder schema = CsvSchema.builder();
    header.forEach(schema::addColumn);
    try (Writer writer = Files.newBufferedWriter(target);
        SequenceWriter out = new CsvMapper().writer(schema.build().withHeader())
            .writeValues(writer)) {
      for (List<String> row : rows) {
        out.write(row);
      }
    }
  }
}
