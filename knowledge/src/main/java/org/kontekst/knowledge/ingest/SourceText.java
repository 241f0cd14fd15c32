package org.kontekst.knowledge.ingest;

import java.nio.ByteBuffer;
import java.nio.CharBuffer;
import java.nio.charset.CharsetDecoder;
import java.nio.charset.CoderResult;
import java.nio.charset.CodingErrorAction;
import java.nio.charset.StandardCharsets;

/**
 * Turns the bytes of an input into text the parsers can trust: strict UTF-8, no byte-order mark,
 * {@code \n} line ends, no control characters and no half surrogate pairs. Every refusal names the
 * line.
 */
final class SourceText {
  private SourceText() {}

  /** Decodes {@code bytes} or throws an {@link ImportException} saying what is wrong. */
  static String decode(byte[] bytes) {
    for (int i = 0; i < bytes.length; i++) {
      if (bytes[i] == 0) {
        throw new ImportException(
            lineAt(bytes, i),
            "this looks like a binary file (it contains a NUL byte), not text; save the article as"
                + " plain UTF-8 text (.txt, .md or .jsonl)");
      }
    }
    CharsetDecoder decoder =
        StandardCharsets.UTF_8
            .newDecoder()
            .onMalformedInput(CodingErrorAction.REPORT)
            .onUnmappableCharacter(CodingErrorAction.REPORT);
    ByteBuffer in = ByteBuffer.wrap(bytes);
    CharBuffer out = CharBuffer.allocate(bytes.length + 1);
    CoderResult result = decoder.decode(in, out, true);
    if (!result.isError()) {
      result = decoder.flush(out);
    }
    if (result.isError()) {
      int at = in.position();
      throw new ImportException(
          lineAt(bytes, at),
          String.format(
              "not valid UTF-8 (byte 0x%02X); the file may be in Windows-1251 or Latin-1: save it"
                  + " as UTF-8 and import it again",
              bytes[at] & 0xFF));
    }
    out.flip();
    return normalize(out.toString());
  }

  /** Normalises text that arrived as a String (a Telegram message), with the same checks. */
  static String normalize(String text) {
    String s = text.startsWith("\uFEFF") ? text.substring(1) : text;
    s = s.replace("\r\n", "\n").replace('\r', '\n').replace('\u000B', '\n').replace('\f', '\n');
    s = s.replace('\u2028', '\n').replace('\u2029', '\n');
    int line = 1;
    for (int i = 0; i < s.length(); i++) {
      char c = s.charAt(i);
      if (c == '\n') {
        line++;
      } else if (Character.isSurrogate(c)) {
        // A pair is one character; half of one (a JSON escape of one half alone) is none, and
        // cannot be written back out as UTF-8: an export would fail on it.
        if (Character.isHighSurrogate(c) && i + 1 < s.length() && Character.isLowSurrogate(s.charAt(i + 1))) {
          i++;
        } else {
          throw new ImportException(
              line,
              String.format(
                  "\\u%04X is half of a UTF-16 surrogate pair, not a character; write the character"
                      + " itself, or both halves of its escape",
                  (int) c));
        }
      } else if (c != '\t' && (c < 0x20 || (c >= 0x7F && c <= 0x9F))) {
        throw new ImportException(
            line,
            String.format(
                "control character U+%04X is not allowed in an article; remove it (it often comes"
                    + " from copying out of a PDF or a word processor)",
                (int) c));
      }
    }
    return s;
  }

  private static int lineAt(byte[] bytes, int position) {
    int line = 1;
    for (int i = 0; i < position && i < bytes.length; i++) {
      if (bytes[i] == '\n') {
        line++;
      }
    }
    return line;
  }
}
