package org.kontekst.bot.render;

import java.util.ArrayDeque;
import java.util.ArrayList;
import java.util.Deque;
import java.util.List;

/**
 * Splits Telegram HTML into messages of at most a given length, never inside a tag, an entity or
 * a surrogate pair. Tags open at a split are closed at the end of one message and reopened at the
 * start of the next. Splits prefer a line break, then a space.
 */
public final class MessageSplitter {
  /** Telegram's limit on the text of one message. */
  public static final int TELEGRAM_LIMIT = 4096;

  private final int limit;

  public MessageSplitter(int limit) {
    if (limit < 200) {
      throw new IllegalArgumentException("limit must be at least 200: " + limit);
    }
    this.limit = limit;
  }

  public static MessageSplitter telegram() {
    return new MessageSplitter(TELEGRAM_LIMIT);
  }

  public List<String> split(String html) {
    String trimmed = html.strip();
    if (trimmed.length() <= limit) {
      return trimmed.isEmpty() ? List.of() : List.of(trimmed);
    }
    List<Token> tokens = tokenize(trimmed);
    List<String> parts = new ArrayList<>();
    Deque<Token> open = new ArrayDeque<>();
    int start = 0;
    while (start < tokens.size()) {
      StringBuilder prefix = new StringBuilder();
      open.descendingIterator().forEachRemaining(t -> prefix.append(t.text));
      Deque<Token> stack = new ArrayDeque<>(open);
      int length = prefix.length();
      int closers = closersLength(stack);
      int newlineBreak = -1;
      int spaceBreak = -1;
      Deque<Token> newlineStack = null;
      Deque<Token> spaceStack = null;
      int i = start;
      while (i < tokens.size()) {
        Token t = tokens.get(i);
        int nextClosers = closers;
        if (t.kind == Kind.OPEN) {
          nextClosers += t.closer().length();
        } else if (t.kind == Kind.CLOSE && !stack.isEmpty()) {
          nextClosers -= stack.peek().closer().length();
        }
        if (length + t.text.length() + nextClosers > limit) {
          break;
        }
        length += t.text.length();
        closers = nextClosers;
        if (t.kind == Kind.OPEN) {
          stack.push(t);
        } else if (t.kind == Kind.CLOSE && !stack.isEmpty()) {
          stack.pop();
        }
        i++;
        if (t.text.equals("\n")) {
          newlineBreak = i;
          newlineStack = new ArrayDeque<>(stack);
        } else if (t.text.equals(" ")) {
          spaceBreak = i;
          spaceStack = new ArrayDeque<>(stack);
        }
      }
      int end;
      if (i >= tokens.size()) {
        end = tokens.size();
        open = stack;
      } else if (newlineBreak > start && newlineBreak - start >= (i - start) / 2) {
        end = newlineBreak;
        open = newlineStack;
      } else if (spaceBreak > start) {
        end = spaceBreak;
        open = spaceStack;
      } else if (i > start) {
        end = i;
        open = stack;
      } else {
        throw new IllegalStateException("a single tag is longer than the message limit");
      }
      StringBuilder part = new StringBuilder(prefix);
      for (int k = start; k < end; k++) {
        part.append(tokens.get(k).text);
      }
      for (Token t : open) {
        part.append(t.closer());
      }
      addIfVisible(parts, part.toString().strip());
      start = end;
    }
    return List.copyOf(parts);
  }

  private static void addIfVisible(List<String> parts, String part) {
    if (!part.replaceAll("<[^>]*>", "").isBlank()) {
      parts.add(part);
    }
  }

  private static int closersLength(Deque<Token> stack) {
    int n = 0;
    for (Token t : stack) {
      n += t.closer().length();
    }
    return n;
  }

  private enum Kind {
    OPEN,
    CLOSE,
    TEXT
  }

  private record Token(String text, Kind kind) {
    String closer() {
      int end = 1;
      while (end < text.length() && Character.isLetterOrDigit(text.charAt(end))) {
        end++;
      }
      return "</" + text.substring(1, end) + ">";
    }
  }

  private static List<Token> tokenize(String html) {
    List<Token> tokens = new ArrayList<>(html.length());
    int i = 0;
    while (i < html.length()) {
      char c = html.charAt(i);
      int end;
      Kind kind = Kind.TEXT;
      if (c == '<' && html.indexOf('>', i) > i) {
        end = html.indexOf('>', i) + 1;
        kind = i + 1 < html.length() && html.charAt(i + 1) == '/' ? Kind.CLOSE : Kind.OPEN;
      } else if (c == '&' && html.indexOf(';', i) > i && html.indexOf(';', i) - i <= 10) {
        end = html.indexOf(';', i) + 1;
      } else if (Character.isHighSurrogate(c) && i + 1 < html.length()) {
        end = i + 2;
      } else {
        end = i + 1;
      }
      tokens.add(new Token(html.substring(i, end), kind));
      i = end;
    }
    return tokens;
  }
}
