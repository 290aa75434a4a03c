package io.usher.app.cli;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.PropertyNamingStrategies;
import com.fasterxml.jackson.databind.SerializationFeature;
import io.usher.app.config.Settings;
import io.usher.app.runtime.CommandRun;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.concurrent.Callable;
import picocli.CommandLine.Command;
import picocli.CommandLine.Mixin;
import picocli.CommandLine.Option;

/** {@code usher export}: the room map for front-ends, as JSON and CSV. */
@Command(name = "export", description = "Write the room map (track and talk ids to room id,"
    + " alias, matrix.to link and widget URLs) as <conference>-rooms.json and .csv.")
final class ExportCommand implements Callable<Integer> {
  @Mixin Output output;

  @Mixin ConferenceOptions options;

  @Option(names = "--out", defaultValue = ".", description = "Folder to write to (default: the"
      + " current folder).")
  Path out;

  @Override
  public Integer call() throws IOException {
    CommandRun run = options.open(output.err());
    Settings settings = run.bot().settings;
    List<RoomMap.Entry> entries = RoomMap.of(run.desired(), run.reconciler().observe(run.desired()).rooms(),
        run.bot().me.serverName());
    Files.createDirectories(out);
    Path json = out.resolve(settings.conferenceId() + "-rooms.json");
    Path csv = out.resolve(settings.conferenceId() + "-rooms.csv");
    writeJson(json, settings.conferenceId(), run.desired().name(), entries);
    writeCsv(csv, entries);
    long missing = entries.stream().filter(e -> e.roomId().isEmpty()).count();
    output.out().println("Wrote " + entries.size() + " rooms to " + json + " and " + csv
        + (missing > 0 ? " (" + missing + " not created yet: run apply)" : ""));
    output.out().println(run.bot().requestSummary());
    return 0;
  }

  static void writeJson(Path target, String conferenceId, String name,
      List<RoomMap.Entry> entries) throws IOException {
    Map<String, Object> document = new LinkedHashMap<>();
    document.put("conference", conferenceId);
    document.put("name", name);
    document.put("rooms", entries);
    new ObjectMapper().setPropertyNamingStrategy(PropertyNamingStrategies.SNAKE_CASE)
        .enable(SerializationFeature.INDENT_OUTPUT).writeValue(target.toFile(), document);
  }

  static void writeCsv(Path target, List<RoomMap.Entry> entries) throws IOException {
    CsvFiles.write(target, List.of("kind", "track_id", "track", "talk_id", "title", "room_id",
        "alias", "matrix_to", "widgets"), entries.stream().map(e -> List.of(e.kind(),
        e.trackId(), e.track(), e.talkId(), e.title(), e.roomId(), e.alias(), e.matrixTo(),
        String.join(" ", e.widgets()))).toList());
  }
}
