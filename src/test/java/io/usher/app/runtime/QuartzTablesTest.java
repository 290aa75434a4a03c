package io.usher.app.runtime;

import static org.assertj.core.api.Assertions.assertThat;

import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.quartz.Scheduler;

/** Migration 1 makes every table of the pinned Quartz's PostgreSQL script, and drops none. */
class QuartzTablesTest {
  @Test
  void thePinnedQuartzScriptBecomesItsCreateStatementsOnly() throws Exception {
    String script;
    try (InputStream in = Scheduler.class.getClassLoader()
        .getResourceAsStream(V1__Quartz_tables.DDL)) {
      assertThat(in).as(V1__Quartz_tables.DDL).isNotNull();
      script = new String(in.readAllBytes(), StandardCharsets.UTF_8);
    }
    List<String> statements = V1__Quartz_tables.statements(script);
    assertThat(statements).allMatch(s -> s.startsWith("CREATE TABLE")
        || s.startsWith("CREATE INDEX"));
    assertThat(statements).noneMatch(s -> s.contains("--"));
    assertThat(statements.stream().filter(s -> s.startsWith("CREATE TABLE"))
        .map(s -> s.split("\\s+")[2].toLowerCase())).contains("qrtz_job_details",
            "qrtz_triggers", "qrtz_fired_triggers", "qrtz_scheduler_state", "qrtz_locks");
    assertThat(V1__Quartz_tables.statements("-- a comment\nDROP TABLE x;\nCREATE TABLE y (a int);"
        + "\ncommit;")).containsExactly("CREATE TABLE y (a int)");
  }
}
