package org.kontekst.knowledge.search;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.core.JsonToken;
import java.io.IOException;
import java.io.InputStream;
import java.text.Normalizer;
import java.util.ArrayList;
import java.util.HashMap;
import java.util.List;
import java.util.Map;

/**
 * The BERT word-piece tokenizer of a Hugging Face {@code tokenizer.json} whose normalizer is the
 * uncased {@code BertNormalizer} (all-MiniLM-L6-v2's), in Java: the same ids as the Rust library
 * without loading it.
 *
 * <p>Loading the Rust library through DJL probes for CUDA first (JNA, then {@code cudart}), which
 * took 0.3 to 0.5 s of every cold start here and logged two warnings on machines with a CUDA
 * runtime but no GPU. {@code WordPiecesTest} holds the ids to the Rust library's on every text of
 * the project's fixtures and, when present, the shared datasets.
 *
 * <p>The steps are those of the library: special tokens are matched in the raw text; the rest is
 * cleaned (control and format characters dropped, white space made a space), CJK ideographs are
 * spaced, accents are stripped (NFD, non-spacing marks dropped) and letters lower-cased; words are
 * split at white space and each punctuation character stands alone; each word is cut greedily into
 * the longest pieces of the vocabulary, and a word that cannot be cut, or is longer than 100
 * characters, is one unknown token.
 */
final class WordPieces {
  private static final String CONTINUATION = "##";
  private static final int MAX_WORD = 100;

  private final Map<String, Integer> vocabulary;
  private final Map<String, Integer> special;
  private final int unknown;
  private final int classification;
  private final int separator;

  private WordPieces(Map<String, Integer> vocabulary, Map<String, Integer> special) {
    this.vocabulary = vocabulary;
    this.special = special;
    this.unknown = required(vocabulary, "[UNK]");
    this.classification = required(vocabulary, "[CLS]");
    this.separator = required(vocabulary, "[SEP]");
  }

  private static int required(Map<String, Integer> vocabulary, String token) {
    Integer id = vocabulary.get(token);
    if (id == null) throw new IllegalArgumentException("the tokenizer has no " + token + " token");
    return id;
  }

  /** Reads {@code model.vocab} and {@code added_tokens} of a {@code tokenizer.json}. */
  static WordPieces read(InputStream json) throws IOException {
    Map<String, Integer> vocabulary = new HashMap<>(40_000);
    Map<String, Integer> special = new HashMap<>();
    String normalizer = null;
    // The 30,000 pieces are field names: canonicalizing and interning them only costs time.
    JsonFactory factory = JsonFactory.builder().disable(JsonFactory.Feature.CANONICALIZE_FIELD_NAMES).build();
    try (JsonParser parser = factory.createParser(json)) {
      expect(parser.nextToken(), JsonToken.START_OBJECT);
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        JsonToken value = parser.nextToken();
        switch (field) {
          case "model" -> readModel(parser, vocabulary);
          case "added_tokens" -> readAdded(parser, special);
          case "normalizer" -> normalizer = readType(parser);
          default -> parser.skipChildren();
        }
        if (value == null) break;
      }
    }
    if (!"BertNormalizer".equals(normalizer)) {
      throw new IllegalArgumentException("not a BERT tokenizer (normalizer " + normalizer + ")");
    }
    if (vocabulary.isEmpty()) throw new IllegalArgumentException("the tokenizer has no vocabulary");
    vocabulary.putAll(special);
    return new WordPieces(vocabulary, special);
  }

  private static void expect(JsonToken actual, JsonToken wanted) throws IOException {
    if (actual != wanted) throw new IOException("tokenizer.json: expected " + wanted + ", found " + actual);
  }

  private static void readModel(JsonParser parser, Map<String, Integer> vocabulary) throws IOException {
    expect(parser.currentToken(), JsonToken.START_OBJECT);
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      JsonToken value = parser.nextToken();
      if (field.equals("type") && !"WordPiece".equals(parser.getText())) {
        throw new IllegalArgumentException("not a word-piece model: " + parser.getText());
      }
      if (field.equals("vocab") && value == JsonToken.START_OBJECT) {
        while (parser.nextToken() == JsonToken.FIELD_NAME) {
          String piece = parser.currentName();
          parser.nextToken();
          vocabulary.put(piece, parser.getIntValue());
        }
      } else {
        parser.skipChildren();
      }
    }
  }

  private static void readAdded(JsonParser parser, Map<String, Integer> special) throws IOException {
    expect(parser.currentToken(), JsonToken.START_ARRAY);
    while (parser.nextToken() == JsonToken.START_OBJECT) {
      String content = null;
      Integer id = null;
      while (parser.nextToken() == JsonToken.FIELD_NAME) {
        String field = parser.currentName();
        parser.nextToken();
        if (field.equals("content")) content = parser.getText();
        else if (field.equals("id")) id = parser.getIntValue();
        else parser.skipChildren();
      }
      if (content != null && id != null && !content.isEmpty()) special.put(content, id);
    }
  }

  private static String readType(JsonParser parser) throws IOException {
    if (parser.currentToken() != JsonToken.START_OBJECT) {
      parser.skipChildren();
      return null;
    }
    String type = null;
    while (parser.nextToken() == JsonToken.FIELD_NAME) {
      String field = parser.currentName();
      parser.nextToken();
      if (field.equals("type")) type = parser.getText();
      else parser.skipChildren();
    }
    return type;
  }

  /** {@code [CLS]}, the pieces of {@code text} up to {@code max} ids in all, {@code [SEP]}. */
  long[] ids(String text, int max) {
    Ids out = new Ids(max - 1);
    out.add(classification);
    int from = 0;
    while (!out.full()) {
      int at = from;
      String token = null;
      while ((at = text.indexOf('[', at)) >= 0 && (token = specialAt(text, at)) == null) at++;
      words(normalize(text.substring(from, token == null ? text.length() : at)), out);
      if (token == null) break;
      out.add(special.get(token));
      from = at + token.length();
    }
    long[] ids = new long[out.size + 1];
    System.arraycopy(out.ids, 0, ids, 0, out.size);
    ids[out.size] = separator;
    return ids;
  }

  private String specialAt(String text, int at) {
    for (String token : special.keySet()) {
      if (text.startsWith(token, at)) return token;
    }
    return null;
  }

  /** Cleaning, CJK spacing, accent stripping and lower-casing, in the library's order. */
  static String normalize(String text) {
    StringBuilder cleaned = new StringBuilder(text.length() + 8);
    for (int i = 0; i < text.length(); ) {
      int c = text.codePointAt(i);
      i += Character.charCount(c);
      if (c == 0 || c == 0xFFFD || isControl(c)) continue;
      if (isWhitespace(c)) {
        cleaned.append(' ');
      } else if (isIdeograph(c)) {
        cleaned.append(' ').appendCodePoint(c).append(' ');
      } else {
        cleaned.appendCodePoint(c);
      }
    }
    String decomposed = Normalizer.normalize(cleaned, Normalizer.Form.NFD);
    StringBuilder out = new StringBuilder(decomposed.length());
    for (int i = 0; i < decomposed.length(); ) {
      int c = decomposed.codePointAt(i);
      i += Character.charCount(c);
      if (Character.getType(c) == Character.NON_SPACING_MARK) continue;
      out.appendCodePoint(Character.toLowerCase(c));
    }
    return out.toString();
  }

  private void words(String normalized, Ids out) {
    int start = -1;
    for (int i = 0; i <= normalized.length() && !out.full(); ) {
      int c = i < normalized.length() ? normalized.codePointAt(i) : ' ';
      int width = i < normalized.length() ? Character.charCount(c) : 1;
      boolean space = isWhitespace(c);
      boolean punctuation = !space && isPunctuation(c);
      if (space || punctuation) {
        if (start >= 0) pieces(normalized.substring(start, i), out);
        start = -1;
        if (punctuation) pieces(normalized.substring(i, i + width), out);
      } else if (start < 0) {
        start = i;
      }
      i += width;
    }
  }

  private void pieces(String word, Ids out) {
    if (word.codePointCount(0, word.length()) > MAX_WORD) {
      out.add(unknown);
      return;
    }
    List<Integer> found = new ArrayList<>(4);
    int start = 0;
    while (start < word.length()) {
      Integer id = null;
      int end = word.length();
      while (end > start) {
        String piece = word.substring(start, end);
        id = vocabulary.get(start == 0 ? piece : CONTINUATION + piece);
        if (id != null) break;
        end = word.offsetByCodePoints(end, -1);
      }
      if (id == null) {
        out.add(unknown);
        return;
      }
      found.add(id);
      start = end;
    }
    for (int id : found) {
      if (out.full()) return;
      out.add(id);
    }
  }

  /** Unicode's White_Space property, as Rust's {@code char::is_whitespace}. */
  private static boolean isWhitespace(int c) {
    return c == ' ' || (c >= 0x09 && c <= 0x0D) || c == 0x85 || c == 0xA0 || c == 0x1680
        || (c >= 0x2000 && c <= 0x200A) || c == 0x2028 || c == 0x2029 || c == 0x202F
        || c == 0x205F || c == 0x3000;
  }

  /** The categories C* except tab, new line and carriage return, which count as white space. */
  private static boolean isControl(int c) {
    if (c == '\t' || c == '\n' || c == '\r') return false;
    int type = Character.getType(c);
    return type == Character.CONTROL || type == Character.FORMAT || type == Character.UNASSIGNED
        || type == Character.PRIVATE_USE || type == Character.SURROGATE;
  }

  private static boolean isPunctuation(int c) {
    if (c < 0x80) {
      return (c >= 0x21 && c <= 0x2F) || (c >= 0x3A && c <= 0x40) || (c >= 0x5B && c <= 0x60)
          || (c >= 0x7B && c <= 0x7E);
    }
    return switch (Character.getType(c)) {
      case Character.CONNECTOR_PUNCTUATION, Character.DASH_PUNCTUATION, Character.START_PUNCTUATION,
          Character.END_PUNCTUATION, Character.INITIAL_QUOTE_PUNCTUATION,
          Character.FINAL_QUOTE_PUNCTUATION, Character.OTHER_PUNCTUATION -> true;
      default -> false;
    };
  }

  private static boolean isIdeograph(int c) {
    return (c >= 0x4E00 && c <= 0x9FFF) || (c >= 0x3400 && c <= 0x4DBF)
        || (c >= 0x20000 && c <= 0x2A6DF) || (c >= 0x2A700 && c <= 0x2B73F)
        || (c >= 0x2B740 && c <= 0x2B81F) || (c >= 0x2B920 && c <= 0x2CEAF)
        || (c >= 0xF900 && c <= 0xFAFF) || (c >= 0x2F800 && c <= 0x2FA1F);
  }

  /** A growable list of ids with a cap. */
  private static final class Ids {
    private final long[] ids;
    private int size;

    Ids(int cap) {
      this.ids = new long[cap];
    }

    boolean full() {
      return size == ids.length;
    }

    void add(int id) {
      if (!full()) ids[size++] = id;
    }
  }
}
