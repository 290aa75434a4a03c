package io.usher.app.runtime;

import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.sql.Statement;
import java.util.Arrays;
import java.util.List;
import java.util.stream.Collectors;
import org.flywaydb.core.api.migration.BaseJavaMigration;
import org.flywaydb.core.api.migration.Context;
import org.quartz.Scheduler;

/**
 * Flyway migration 1: Quartz's tables for PostgreSQL, exactly as the pinned Quartz jar's
 * {@code org/quartz/impl/jdbcjobstore/tables_postgres.sql} makes them, so the schema always
 * matches the Quartz on the classpath. Its {@code DROP TABLE} lines (for a reinstall) and final
 * {@code COMMIT} are left out: Flyway runs the rest in its own transaction.
 */
final class V1__Quartz_tables extends BaseJavaMigration {
  static final String DDL = "org/quartz/impl/jdbcjobstore/tables_postgres.sql";

  @Override
  public void migrate(Context context) throws Exception {
    try (Statement statement = context.getConnection().createStatement()) {
      for (String sql : statements(read())) {
        statement.execute(sql);
      }
    }
  }

  /** The statements of {@code script}: comments dropped, split at semicolons. */
  static List<String> statements(String script) {
    String code = script.lines().filter(line -> !line.strip().startsWith("--"))
        .collect(Collectors.joining("\n"));
    return Arrays.stream(code.split(";")).map(String::strip).filter(s -> !s.isEmpty())
        .filter(s -> !s.toUpperCase().startsWith("DROP ") && !s.equalsIgnoreCase("COMMIT"))
        .toList();
  }

  private static String read() throws IOException {
    try (InputStream in = Scheduler.class.getClassLoader().getResourceAsStream(DDL)) {
      if (in == null) {
        throw new IOException(DDL + " is not in the Quartz jar");
      }
      return new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
  }
}
