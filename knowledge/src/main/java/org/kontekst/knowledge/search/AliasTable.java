package org.kontekst.knowledge.search;

import java.io.BufferedReader;
import java.io.DataInputStream;
import java.io.DataOutputStream;
import java.io.IOException;
import java.io.InputStream;
import java.io.InputStreamReader;
import java.io.Reader;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.NoSuchAlgorithmException;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashMap;
import java.util.HexFormat;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Function;
import java.util.regex.Pattern;
import java.util.stream.Collectors;

/**
 * The multilingual alias table: concepts (people, places, organisations, recurring terms) with
 * their surface forms in English, Ukrainian, Russian and other languages.
 *
 * <p>Every form is analysed the way text is, once per {@link Lemmatizer.Mode}, and stored as a
 * token-sequence trie; {@link #find} walks a text's lemmas through it, so "Пхеньяна", "Пхеньяну"
 * and "Pyongyang" all reach the concept {@code pyongyang}. The format is tab-separated: {@code
 * concept kind en uk ru other}, forms separated by {@code |}, {@code #} comments.
 */
public final class AliasTable {
  private static final Pattern CONCEPT_ID = Pattern.compile("[a-z0-9_]{1,80}");

  /** One concept: its id, kind and the English label used when a post is glossed in English. */
  public record Concept(String id, String kind, String label) {
    public Concept {
      if (!CONCEPT_ID.matcher(Objects.requireNonNull(id, "id")).matches()) {
        throw new IllegalArgumentException("concept id must be [a-z0-9_]: " + id);
      }
      kind = kind == null ? "" : kind;
      label = label == null || label.isBlank() ? id.replace('_', ' ') : label;
    }

    /** People, places, organisations and events, as against terms and words. */
    public boolean isEntity() {
      return switch (kind) {
        case "person", "place", "org", "event" -> true;
        default -> false;
      };
    }
  }

  /** A concept found in a text, covering tokens {@code [from, to)}. */
  record Hit(Concept concept, int from, int to) {}

  /** How a one-word form must be written in the text to count. */
  private enum Case {
    ANY,
    /** The table spells it with a capital ("Дания"): "данные" must not become Denmark. */
    CAPITALIZED,
    /** The table spells it in capitals ("ТрО" aside, "НАТО", "ЗСУ"): "трое" is not ТРО. */
    UPPER
  }

  /** Stems this short or shorter of a capitalized one-word form only match capitalized words. */
  private static final int SHORT_STEM = 4;

  private static final class Node {
    final Map<String, Node> next = new HashMap<>(4);
    Concept concept;
    Case required = Case.UPPER;

    boolean accepts(Token token) {
      return switch (required) {
        case ANY -> true;
        case CAPITALIZED -> token.capitalized();
        case UPPER -> token.upperCase();
      };
    }
  }

  private final Map<String, Concept> concepts;
  private final Map<Lemmatizer.Mode, Node> tries;
  private final String version;

  private AliasTable(Map<String, Concept> concepts, Map<Lemmatizer.Mode, Node> tries, String version) {
    this.concepts = concepts;
    this.tries = tries;
    this.version = version;
  }

  /** The table bundled with Kontekst, plus any extra sources (e.g. a curator's file), in order. */
  static AliasTable load(Lemmatizer lemmatizer, List<Source> extra) {
    return parse(lemmatizer, sources(extra));
  }

  /**
   * As {@link #load(Lemmatizer, List)}, through {@code cache}: the stored table when it was built
   * from the same text, otherwise a new one, which is then stored.
   */
  static AliasTable load(Lemmatizer lemmatizer, List<Source> extra, AliasCache cache) {
    List<Source> sources = sources(extra);
    String version = version(sources);
    Optional<AliasTable> stored = cache.read(version);
    if (stored.isPresent()) return stored.get();
    AliasTable table = parse(lemmatizer, sources);
    cache.write(table);
    return table;
  }

  private static List<Source> sources(List<Source> extra) {
    List<Source> sources = new ArrayList<>();
    sources.add(Source.classpath("/aliases/aliases.tsv"));
    if (AliasTable.class.getResource("/aliases/vocabulary.tsv") != null) {
      sources.add(Source.classpath("/aliases/vocabulary.tsv"));
    }
    sources.addAll(extra);
    return sources;
  }

  /** What {@link #version()} of a table parsed from {@code sources} will be, without parsing. */
  static String version(List<Source> sources) {
    MessageDigest digest = sha256();
    for (Source source : sources) {
      forEachLine(source, (number, line) -> hash(digest, line));
    }
    return HexFormat.of().formatHex(digest.digest()).substring(0, 16);
  }

  private static void hash(MessageDigest digest, String line) {
    digest.update(line.getBytes(StandardCharsets.UTF_8));
    digest.update((byte) '\n');
  }

  private interface LineVisitor {
    void line(int number, String line);
  }

  private static void forEachLine(Source source, LineVisitor visitor) {
    try (BufferedReader reader = new BufferedReader(source.reader().open())) {
      String line;
      int number = 0;
      while ((line = reader.readLine()) != null) {
        visitor.line(++number, line);
      }
    } catch (IOException e) {
      throw new UncheckedIOException("cannot read aliases from " + source.name(), e);
    }
  }

  /** Where alias lines come from: a name for messages and the reader of its text. */
  public record Source(String name, ReaderSupplier reader) {
    public static Source classpath(String resource) {
      return new Source(
          resource,
          () -> {
            InputStream in = AliasTable.class.getResourceAsStream(resource);
            if (in == null) {
              throw new IOException("missing resource " + resource);
            }
            return new InputStreamReader(in, StandardCharsets.UTF_8);
          });
    }

    public static Source text(String name, String text) {
      return new Source(name, () -> new java.io.StringReader(text));
    }

    public static Source file(java.nio.file.Path path) {
      return new Source(
          path.toString(), () -> java.nio.file.Files.newBufferedReader(path, StandardCharsets.UTF_8));
    }
  }

  /** Opens a source's text. */
  @FunctionalInterface
  public interface ReaderSupplier {
    Reader open() throws IOException;
  }

  /** One form of a concept as the table lists it. */
  private record Form(String text, String concept) {}

  static AliasTable parse(Lemmatizer lemmatizer, List<Source> sources) {
    Map<String, Concept> concepts = new LinkedHashMap<>();
    List<Form> forms = new ArrayList<>();
    MessageDigest digest = sha256();
    for (Source source : sources) {
      forEachLine(
          source,
          (number, line) -> {
            hash(digest, line);
            String trimmed = line.strip();
            if (trimmed.isEmpty() || trimmed.startsWith("#") || trimmed.startsWith("concept\t")) {
              return;
            }
            String[] columns = line.split("\t", -1);
            if (columns.length < 3) {
              throw new IllegalArgumentException(
                  source.name() + ":" + number + ": expected concept, kind and forms separated by tabs");
            }
            String id = columns[0].strip();
            String label = null;
            for (int c = 2; c < columns.length; c++) {
              for (String form : columns[c].split("\\|")) {
                String f = form.strip();
                if (f.isEmpty()) continue;
                forms.add(new Form(f, id));
                if (c == 2 && label == null) label = f;
              }
            }
            try {
              Concept concept = concepts.computeIfAbsent(id, k -> new Concept(k, columns[1].strip(), null));
              if (label != null && concept.label().equals(id.replace('_', ' '))) {
                concepts.put(id, new Concept(id, concept.kind(), label));
              }
            } catch (IllegalArgumentException e) {
              throw new IllegalArgumentException(source.name() + ":" + number + ": " + e.getMessage(), e);
            }
          });
    }
    // The tries of the two modes are independent: each is built on its own core, in table order
    // (the first concept listed keeps an ambiguous form).
    Map<Lemmatizer.Mode, Node> tries = new EnumMap<>(Lemmatizer.Mode.class);
    List<Lemmatizer.Mode> modes = List.of(Lemmatizer.Mode.values());
    List<Node> built =
        modes.parallelStream().map(mode -> trie(lemmatizer, mode, forms, concepts)).collect(Collectors.toList());
    for (int i = 0; i < modes.size(); i++) tries.put(modes.get(i), built.get(i));
    return new AliasTable(concepts, tries, HexFormat.of().formatHex(digest.digest()).substring(0, 16));
  }

  private static Node trie(Lemmatizer lemmatizer, Lemmatizer.Mode mode, List<Form> forms, Map<String, Concept> concepts) {
    Node root = new Node();
    // Forms share most of their words ("Путін", "Путіна", "Володимир Путін"): each is read once.
    Map<String, List<String>> lemmas = new HashMap<>();
    Function<Token, List<String>> read = token -> lemmas.computeIfAbsent(token.surface(), k -> lemmatizer.lemmas(token, mode));
    for (Form form : forms) {
      insert(root, read, form.text(), concepts.get(form.concept()));
    }
    return root;
  }

  private static void insert(Node root, Function<Token, List<String>> read, String form, Concept concept) {
    List<Token> tokens = Tokenizer.tokenize(form);
    if (tokens.isEmpty()) return;
    Case required = Case.ANY;
    if (tokens.size() == 1 && tokens.get(0).script() != Token.Script.NUMBER) {
      Token only = tokens.get(0);
      if (only.upperCase()) {
        required = Case.UPPER;
      } else if (only.capitalized()
          && read.apply(only).stream().anyMatch(l -> l.length() <= SHORT_STEM)) {
        // Short stems of names collide with common words ("Грузия" and "груз" both stem to
        // "груз"); longer ones do not, and posts often write names in lower case ("росія").
        required = Case.CAPITALIZED;
      }
    }
    List<Node> frontier = List.of(root);
    for (Token token : tokens) {
      List<Node> nextFrontier = new ArrayList<>();
      List<String> lemmas = read.apply(token);
      // A form is given in its base form: when the dictionary also reads it as itself, that
      // reading is the one meant ("міст" is a bridge, not a form of "місто").
      if (lemmas.size() > 1 && lemmas.contains(token.surface())) lemmas = List.of(token.surface());
      for (Node node : frontier) {
        for (String lemma : lemmas) {
          Node child = node.next.computeIfAbsent(lemma, k -> new Node());
          if (!nextFrontier.contains(child)) nextFrontier.add(child);
        }
      }
      frontier = nextFrontier;
    }
    for (Node end : frontier) {
      // First writer wins: an ambiguous form stays with the concept listed first.
      if (end.concept == null) end.concept = concept;
      if (end.concept.id().equals(concept.id()) && required.compareTo(end.required) < 0) {
        end.required = required;
      }
    }
  }

  /**
   * Finds every concept in a token sequence: at each start, each form that ends there. Nested and
   * overlapping hits are all kept ("Black Sea grain deal" gives the deal, the sea and grain), since
   * each is evidence; {@link #longest} picks a non-overlapping reading from them.
   *
   * @param tokens the tokens, for how they are written
   * @param lemmas for each token, the lemmas it may be read as (in the given mode)
   */
  List<Hit> find(List<Token> tokens, List<List<String>> lemmas, Lemmatizer.Mode mode) {
    Node root = tries.get(mode);
    List<Hit> hits = new ArrayList<>();
    for (int i = 0; i < lemmas.size(); i++) {
      List<Node> frontier = List.of(root);
      for (int j = i; j < lemmas.size() && !frontier.isEmpty(); j++) {
        List<Node> next = new ArrayList<>(2);
        for (Node node : frontier) {
          for (String lemma : lemmas.get(j)) {
            Node child = node.next.get(lemma);
            if (child != null && !next.contains(child)) next.add(child);
          }
        }
        for (Node node : next) {
          if (node.concept != null && (j > i || node.accepts(tokens.get(i)))) {
            hits.add(new Hit(node.concept, i, j + 1));
            break;
          }
        }
        frontier = next;
      }
    }
    return hits;
  }

  /** The longest hits, left to right, none overlapping another. */
  static List<Hit> longest(List<Hit> hits) {
    List<Hit> out = new ArrayList<>();
    int covered = 0;
    int i = 0;
    while (i < hits.size()) {
      Hit best = hits.get(i);
      int j = i + 1;
      while (j < hits.size() && hits.get(j).from() == best.from()) {
        if (hits.get(j).to() > best.to()) best = hits.get(j);
        j++;
      }
      if (best.from() >= covered) {
        out.add(best);
        covered = best.to();
      }
      i = j;
    }
    return out;
  }

  public int size() {
    return concepts.size();
  }

  /** A short hash of the table's text; derived indexes record it to know when to rebuild. */
  public String version() {
    return version;
  }

  public java.util.Optional<Concept> concept(String id) {
    return java.util.Optional.ofNullable(concepts.get(id));
  }

  /** Writes the built table for {@link #read}: its version, concepts and tries. */
  void write(DataOutputStream out) throws IOException {
    out.writeUTF(version);
    out.writeInt(concepts.size());
    Map<String, Integer> numbers = new HashMap<>();
    for (Concept c : concepts.values()) {
      numbers.put(c.id(), numbers.size());
      out.writeUTF(c.id());
      out.writeUTF(c.kind());
      out.writeUTF(c.label());
    }
    for (Lemmatizer.Mode mode : Lemmatizer.Mode.values()) {
      write(out, tries.get(mode), numbers);
    }
  }

  private static void write(DataOutputStream out, Node node, Map<String, Integer> numbers) throws IOException {
    out.writeInt(node.concept == null ? -1 : numbers.get(node.concept.id()));
    out.writeByte(node.required.ordinal());
    out.writeInt(node.next.size());
    for (Map.Entry<String, Node> e : node.next.entrySet()) {
      out.writeUTF(e.getKey());
      write(out, e.getValue(), numbers);
    }
  }

  /**
   * Reads a table {@link #write} wrote.
   *
   * @throws IOException when the data ends early or does not describe a table
   */
  static AliasTable read(DataInputStream in) throws IOException {
    String version = in.readUTF();
    int count = in.readInt();
    if (count < 0) throw new IOException("bad concept count " + count);
    Map<String, Concept> concepts = new LinkedHashMap<>();
    List<Concept> numbered = new ArrayList<>(Math.min(count, 100_000));
    for (int i = 0; i < count; i++) {
      Concept c = new Concept(in.readUTF(), in.readUTF(), in.readUTF());
      concepts.put(c.id(), c);
      numbered.add(c);
    }
    Map<Lemmatizer.Mode, Node> tries = new EnumMap<>(Lemmatizer.Mode.class);
    for (Lemmatizer.Mode mode : Lemmatizer.Mode.values()) {
      tries.put(mode, read(in, numbered, 0));
    }
    return new AliasTable(concepts, tries, version);
  }

  private static Node read(DataInputStream in, List<Concept> concepts, int depth) throws IOException {
    if (depth > 64) throw new IOException("trie deeper than any form");
    Node node = new Node();
    int concept = in.readInt();
    if (concept < -1 || concept >= concepts.size()) throw new IOException("bad concept number " + concept);
    node.concept = concept < 0 ? null : concepts.get(concept);
    int required = in.readUnsignedByte();
    if (required >= Case.values().length) throw new IOException("bad case " + required);
    node.required = Case.values()[required];
    int children = in.readInt();
    if (children < 0) throw new IOException("bad child count " + children);
    for (int i = 0; i < children; i++) {
      node.next.put(in.readUTF(), read(in, concepts, depth + 1));
    }
    return node;
  }

  private static MessageDigest sha256() {
    try {
      return MessageDigest.getInstance("SHA-256");
    } catch (NoSuchAlgorithmException e) {
      throw new IllegalStateException("SHA-256 is missing from this JVM", e);
    }
  }
}
