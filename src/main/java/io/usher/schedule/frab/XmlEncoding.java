package io.usher.schedule.frab;

import io.usher.schedule.ScheduleException;
import io.usher.schedule.SourceLocation;
import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.Charset;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.IllegalCharsetNameException;
import java.nio.charset.StandardCharsets;
import java.nio.charset.UnsupportedCharsetException;
import java.util.HexFormat;
import java.util.Locale;
import java.util.regex.Matcher;
import java.util.regex.Pattern;

/**
 * An XML document's encoding, found as the XML spec's appendix F says: a byte order mark, else
 * the UTF-16 pattern of its first {@code <}, else the XML declaration's {@code encoding}, else
 * UTF-8. Usher decodes the bytes itself, strictly, so that a byte that is not the encoding's is
 * an error with its line (the JDK's parser gave none, and printed a {@code [Fatal Error]} line
 * on standard error besides).
 */
public final class XmlEncoding {
  private static final Pattern DECLARED =
      Pattern.compile("^<\\?xml[^>]*?\\sencoding\\s*=\\s*[\"']([^\"']*)[\"']");

  private XmlEncoding() {}

  /**
   * The Unicode encoding the first bytes show, for telling formats apart: UTF-16 (big or
   * little endian) by its byte order mark or a NUL beside the first character, else UTF-8.
   *
   * @param head the first bytes, at least two for UTF-16 to be recognised
   */
  public static Charset sniff(byte[] head) {
    if (head.length >= 2 && (head[0] == (byte) 0xFE && head[1] == (byte) 0xFF
        || head[0] == 0 && head[1] != 0)) {
      return StandardCharsets.UTF_16BE;
    }
    if (head.length >= 2 && (head[0] == (byte) 0xFF && head[1] == (byte) 0xFE
        || head[0] != 0 && head[1] == 0)) {
      return StandardCharsets.UTF_16LE;
    }
    return StandardCharsets.UTF_8;
  }

  /**
   * The document as text, without its byte order mark.
   *
   * @throws ScheduleException at line 1 for a declared encoding Java does not know; at the
   *     line of the first byte sequence that is not the encoding's, with its column and bytes
   */
  static String decode(byte[] bytes, String source) throws ScheduleException {
    Charset charset = sniff(bytes);
    if (charset.equals(StandardCharsets.UTF_8)) {
      charset = declared(bytes, source);
    }
    CharsetDecoder decoder = charset.newDecoder()
        .onMalformedInput(CodingErrorAction.REPORT)
        .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (result.isError()) {
      throw notEncoded(charset, out.flip(), bytes, in.position(), result.length(), source);
    }
    decoder.flush(out);
    String text = out.flip().toString();
    return text.startsWith("\uFEFF") ? text.substring(1) : text;
  }

  /** The XML declaration's encoding for an ASCII-compatible document, else UTF-8. */
  private static Charset declared(byte[] bytes, String source) throws ScheduleException {
    String head = new String(bytes, 0, Math.min(bytes.length, 200), StandardCharsets.ISO_8859_1)
        .replaceFirst("^\u00EF\u00BB\u00BF", "");
    Matcher m = DECLARED.matcher(head);
    if (!m.find()) {
      return StandardCharsets.UTF_8;
    }
    String name = m.group(1).strip();
    if (name.toUpperCase(Locale.ROOT).matches("UTF-?(16|32).*")) {
      // Declared UTF-16 but written one byte per ASCII character: a mislabelled UTF-8 file.
      return StandardCharsets.UTF_8;
    }
    try {
      return Charset.forName(name);
    } catch (IllegalCharsetNameException | UnsupportedCharsetException e) {
      throw new ScheduleException(new SourceLocation(source, 1), "the XML declaration's"
          + " encoding '" + name + "' is not one Java knows (expected e.g. UTF-8, UTF-16 or"
          + " ISO-8859-1)");
    }
  }

  private static ScheduleException notEncoded(Charset charset, CharSequence before,
      byte[] bytes, int offset, int length, String source) {
    int line = 1;
    int column = 1;
    for (int i = 0; i < before.length(); i++) {
      line += before.charAt(i) == '\n' ? 1 : 0;
      column = before.charAt(i) == '\n' ? 1 : column + 1;
    }
    String hex = HexFormat.ofDelimiter(" 0x").withUpperCase()
        .formatHex(bytes, offset, Math.min(bytes.length, offset + length));
    return new ScheduleException(new SourceLocation(source, line), "not " + charset.name()
        + " at column " + column + " (byte" + (length > 1 ? "s" : "") + " 0x" + hex
        + "): expected " + charset.name() + ", or the file's encoding in its XML declaration,"
        + " e.g. <?xml version=\"1.0\" encoding=\"ISO-8859-1\"?>");
  }
}
