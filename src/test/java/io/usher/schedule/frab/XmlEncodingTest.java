package io.usher.schedule.frab;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import io.usher.schedule.Conference;
import io.usher.schedule.ScheduleException;
import io.usher.schedule.source.ScheduleFormats;
import java.io.ByteArrayInputStream;
import java.io.ByteArrayOutputStream;
import java.io.PrintStream;
import java.nio.charset.Charset;
import java.nio.charset.StandardCharsets;
import java.time.ZoneId;
import java.util.Optional;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/**
 * XML schedules in the encodings XML allows (issue 15, items 5 and 6): UTF-16 with or without
 * a byte order mark is read, and bytes that are not the file's encoding are an error with file
 * and line, with nothing printed by the JDK's parser.
 */
class XmlEncodingTest {
  static final String SCHEDULE = """
      <?xml version="1.0" encoding="%s"?>
      <schedule><conference><title>Café</title><time_zone_name>UTC</time_zone_name></conference>
      <day index="1" date="2026-02-01"><room name="Salle é">
      <event id="1"><start>10:00</start><duration>01:00</duration><room>Salle é</room>
        <title>Über ünïcödé</title></event>
      </room></day></schedule>
      """;

  static Conference parse(byte[] bytes) throws ScheduleException {
    return new ScheduleFormats(Optional.of(ZoneId.of("UTC")))
        .parse(new ByteArrayInputStream(bytes), "s.xml");
  }

  static byte[] bytes(String declared, String charset, boolean bom) {
    byte[] text = SCHEDULE.formatted(declared).getBytes(Charset.forName(charset));
    if (!bom) {
      return text;
    }
    byte[] mark = "\uFEFF".getBytes(Charset.forName(charset));
    byte[] all = new byte[mark.length + text.length];
    System.arraycopy(mark, 0, all, 0, mark.length);
    System.arraycopy(text, 0, all, mark.length, text.length);
    return all;
  }

  @ParameterizedTest(name = "{1}, BOM {2}")
  @CsvSource({
      "UTF-16, UTF-16BE, true", "UTF-16, UTF-16LE, true", "UTF-16, UTF-16BE, false",
      "UTF-16, UTF-16LE, false", "UTF-8, UTF-8, true", "UTF-8, UTF-8, false",
      "ISO-8859-1, ISO-8859-1, false"})
  void everyEncodingXmlAllowsIsRead(String declared, String charset, boolean bom)
      throws Exception {
    Conference conference = parse(bytes(declared, charset, bom));
    assertThat(conference.title()).isEqualTo("Café");
    assertThat(conference.talks()).singleElement().satisfies(talk -> {
      assertThat(talk.title()).isEqualTo("Über ünïcödé");
      assertThat(talk.room()).isEqualTo("Salle é");
      assertThat(talk.location().line()).isEqualTo(4);
    });
  }

  @Test
  void invalidUtf8IsAnErrorWithLineAndNothingOnStandardError() {
    byte[] latin1 = SCHEDULE.formatted("UTF-8").getBytes(StandardCharsets.ISO_8859_1);
    ByteArrayOutputStream stderr = new ByteArrayOutputStream();
    PrintStream original = System.err;
    System.setErr(new PrintStream(stderr, true, StandardCharsets.UTF_8));
    Throwable thrown;
    try {
      thrown = org.assertj.core.api.Assertions.catchThrowable(() -> parse(latin1));
    } finally {
      System.setErr(original);
    }
    // The JDK's parser printed "[Fatal Error] :-1:-1: Invalid byte 2 of 3-byte UTF-8 sequence."
    assertThat(stderr.toString(StandardCharsets.UTF_8)).isEmpty();
    assertThat(thrown).isInstanceOf(ScheduleException.class)
        .hasMessage("s.xml:2: not UTF-8 at column 33 (byte 0xE9): expected UTF-8, or the"
            + " file's encoding in its XML declaration, e.g. <?xml version=\"1.0\""
            + " encoding=\"ISO-8859-1\"?>");
  }

  @Test
  void anUnknownDeclaredEncodingIsAnError() {
    assertThatThrownBy(() -> parse(bytes("KLINGON-1", "UTF-8", false)))
        .isInstanceOf(ScheduleException.class)
        .hasMessage("s.xml:1: the XML declaration's encoding 'KLINGON-1' is not one Java"
            + " knows (expected e.g. UTF-8, UTF-16 or ISO-8859-1)");
  }
}
