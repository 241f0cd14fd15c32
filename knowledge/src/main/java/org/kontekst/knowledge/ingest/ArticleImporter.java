package org.kontekst.knowledge.ingest;

import java.io.IOException;
import java.nio.file.FileVisitResult;
import java.nio.file.Files;
import java.nio.file.LinkOption;
import java.nio.file.Path;
import java.nio.file.SimpleFileVisitor;
import java.nio.file.attribute.BasicFileAttributes;
import java.time.Clock;
import java.time.Instant;
import java.time.LocalDate;
import java.util.ArrayList;
import java.util.Collection;
import java.util.HashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.function.Consumer;
import org.kontekst.knowledge.article.Article;
import org.kontekst.knowledge.article.ArticleStatus;
import org.kontekst.knowledge.language.LanguageDetector;
import org.kontekst.knowledge.store.ArticleRepository;
import org.kontekst.knowledge.store.StoreException;

/**
 * Imports articles into the knowledge base from files and folders ({@code kontekst import}) or from
 * text (a future Telegram {@code /add}).
 *
 * <p>Each file is parsed whole and stored in one transaction, so a file with a bad line stores
 * nothing and the KB keeps what it had. Re-importing an id updates the article in place and keeps
 * its created time. Imported articles are published unless the input says otherwise; a missing
 * language is detected. No exception escapes {@link #importPaths} for bad input: each file gets an
 * {@link ImportOutcome}.
 */
public final class ArticleImporter {
  private final ArticleRepository articles;
  private final LanguageDetector languages;
  private final Clock clock;
  private final ImportLimits limits;

  public ArticleImporter(ArticleRepository articles, LanguageDetector languages, Clock clock, ImportLimits limits) {
    this.articles = Objects.requireNonNull(articles, "articles");
    this.languages = Objects.requireNonNull(languages, "languages");
    this.clock = Objects.requireNonNull(clock, "clock");
    this.limits = Objects.requireNonNull(limits, "limits");
  }

  public ArticleImporter(ArticleRepository articles, LanguageDetector languages) {
    this(articles, languages, Clock.systemUTC(), ImportLimits.DEFAULT);
  }

  /** Imports files and folders (recursively, in name order); see {@link #importPaths(Collection, Consumer)}. */
  public List<ImportOutcome> importPaths(Collection<Path> paths) {
    return importPaths(paths, outcome -> {});
  }

  /**
   * Imports files and folders, walking folders recursively in name order, skipping hidden files
   * and folders and not following symbolic links. Each outcome goes to {@code listener} as soon as
   * it is known (for progress) and into the returned list. An id that an earlier file of the same
   * call already imported fails the later file, so one import never silently replaces its own work.
   */
  public List<ImportOutcome> importPaths(Collection<Path> paths, Consumer<ImportOutcome> listener) {
    Objects.requireNonNull(paths, "paths");
    Objects.requireNonNull(listener, "listener");
    Map<String, Path> importedBy = new HashMap<>();
    List<ImportOutcome> outcomes = new ArrayList<>();
    for (Path path : paths) {
      for (Path file : expand(path, outcomes, listener)) {
        ImportOutcome outcome = importFile(file, importedBy);
        outcomes.add(outcome);
        listener.accept(outcome);
      }
    }
    return outcomes;
  }

  /** Imports one file in one transaction. */
  public ImportOutcome importFile(Path file) {
    return importFile(file, new HashMap<>());
  }

  /**
   * Parses {@code content} without storing it: the articles as they would be imported, with the
   * language detected and the times set to now. {@code suggestedId} is the id for .txt and .md
   * content; .jsonl lines carry their own.
   *
   * @throws ImportException when the content cannot become articles; its message says why
   */
  public List<Article> parse(String content, String suggestedId, SourceFormat format) {
    Objects.requireNonNull(content, "content");
    Objects.requireNonNull(suggestedId, "suggestedId");
    Objects.requireNonNull(format, "format");
    if (content.length() > limits.maxArticleBytes() && !format.manyArticles()) {
      throw new ImportException(0, tooBig(content.length(), limits.maxArticleBytes()));
    }
    return toArticles(SourceText.normalize(content), suggestedId, format, "choose another id");
  }

  /** Parses and stores {@code content} in one transaction; see {@link #parse}. */
  public List<Article> importText(String content, String suggestedId, SourceFormat format) {
    List<Article> parsed = parse(content, suggestedId, format);
    articles.upsertAll(parsed);
    return parsed;
  }

  private ImportOutcome importFile(Path file, Map<String, Path> importedBy) {
    Optional<SourceFormat> format = SourceFormat.of(file);
    if (format.isEmpty()) {
      return new ImportOutcome.Skipped(file, "not an article file (use .txt, .md, .jsonl or ClaimReview .jsonld)");
    }
    List<Article> parsed;
    try {
      parsed = read(file, format.get());
    } catch (ImportException e) {
      return new ImportOutcome.Failed(file, e.line(), e.getMessage());
    }
    for (Article a : parsed) {
      Path earlier = importedBy.get(a.id());
      if (earlier != null) {
        return new ImportOutcome.Failed(
            file, 0, "id '" + a.id() + "' was already imported from " + earlier
                + " in this run; give one of them another id (rename the file or change the id field)");
      }
    }
    try {
      articles.upsertAll(parsed);
    } catch (StoreException e) {
      return new ImportOutcome.Failed(file, 0, "nothing of this file was stored: " + e.getMessage());
    }
    List<String> ids = new ArrayList<>();
    for (Article a : parsed) {
      importedBy.put(a.id(), file);
      ids.add(a.id());
    }
    return new ImportOutcome.Imported(file, ids);
  }

  private List<Article> read(Path file, SourceFormat format) {
    if (!Files.isRegularFile(file)) {
      throw new ImportException(0, Files.exists(file) ? "not a regular file" : "no such file");
    }
    long limit = format.manyArticles() ? limits.maxFileBytes() : limits.maxArticleBytes();
    byte[] bytes;
    try {
      long size = Files.size(file);
      if (size > limit) {
        throw new ImportException(0, tooBig(size, limit));
      }
      bytes = Files.readAllBytes(file);
    } catch (IOException e) {
      throw new ImportException(0, "cannot read the file: " + e.getMessage());
    }
    String text = SourceText.decode(bytes);
    String id = format.baseName(file);
    return toArticles(text, id, format, "rename the file, e.g. to " + slug(id) + "." + format.extension());
  }

  private List<Article> toArticles(String text, String suggestedId, SourceFormat format, String howToFixId) {
    if (!format.manyArticles()) {
      ArticleFields.requirePlainId(suggestedId, 0, howToFixId);
    }
    Instant now = clock.instant();
    LocalDate today = LocalDate.ofInstant(now, clock.getZone());
    List<ParsedArticle> parsed =
        ArticleParser.of(format, limits.maxArticleBytes()).parse(text, suggestedId, today);
    List<Article> out = new ArrayList<>(parsed.size());
    for (ParsedArticle p : parsed) {
      out.add(toArticle(p, now, format.manyArticles() ? "change the id field" : howToFixId));
    }
    return out;
  }

  private Article toArticle(ParsedArticle p, Instant now, String howToFixId) {
    String language = p.language() != null ? p.language() : languages.detect(p.title() + "\n" + p.text());
    ArticleStatus status = p.status() != null ? p.status() : ArticleStatus.PUBLISHED;
    try {
      return new Article(
          p.id(), p.title(), p.outlet(), p.url(), p.published(), language, p.body(), p.text(),
          p.tags(), status, now, now);
    } catch (IllegalArgumentException e) {
      boolean idProblem = e.getMessage() != null && e.getMessage().startsWith("article id");
      throw new ImportException(p.line(), e.getMessage() + (idProblem ? "; " + howToFixId : ""));
    }
  }

  private static String tooBig(long size, long limit) {
    return "the input is " + ImportLimits.megabytes(size) + ", more than the limit of "
        + ImportLimits.megabytes(limit) + "; split it into smaller articles or files";
  }

  /** A valid id close to {@code name}, to suggest in a message. */
  static String slug(String name) {
    String s = name.toLowerCase(Locale.ROOT).replaceAll("[^\\p{L}\\p{N}._-]+", "-");
    s = s.replaceAll("^[^\\p{L}\\p{N}]+", "").replaceAll("-+$", "");
    if (s.length() > 200) {
      s = s.substring(0, 200);
    }
    return s.isEmpty() ? "article-1" : s;
  }

  /** The files under {@code path} in name order; problems with the path itself become outcomes. */
  private static List<Path> expand(Path path, List<ImportOutcome> outcomes, Consumer<ImportOutcome> listener) {
    if (!Files.exists(path, LinkOption.NOFOLLOW_LINKS)) {
      ImportOutcome missing = new ImportOutcome.Failed(path, 0, "no such file or folder");
      outcomes.add(missing);
      listener.accept(missing);
      return List.of();
    }
    if (!Files.isDirectory(path)) {
      return List.of(path);
    }
    List<Path> files = new ArrayList<>();
    try {
      Files.walkFileTree(
          path,
          new SimpleFileVisitor<>() {
            @Override
            public FileVisitResult preVisitDirectory(Path dir, BasicFileAttributes attrs) {
              return !dir.equals(path) && isHidden(dir) ? FileVisitResult.SKIP_SUBTREE : FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFile(Path file, BasicFileAttributes attrs) {
              if (attrs.isSymbolicLink()) {
                // A link could lead anywhere on the machine; a folder import stays in the folder.
                ImportOutcome skipped = new ImportOutcome.Skipped(file, "a symbolic link, not followed");
                outcomes.add(skipped);
                listener.accept(skipped);
              } else if (!isHidden(file)) {
                files.add(file);
              }
              return FileVisitResult.CONTINUE;
            }

            @Override
            public FileVisitResult visitFileFailed(Path file, IOException e) {
              files.add(file); // reading it again reports the problem with its path
              return FileVisitResult.CONTINUE;
            }
          });
    } catch (IOException e) {
      ImportOutcome failed = new ImportOutcome.Failed(path, 0, "cannot list the folder: " + e.getMessage());
      outcomes.add(failed);
      listener.accept(failed);
    }
    files.sort(null);
    return files;
  }

  private static boolean isHidden(Path p) {
    Path name = p.getFileName();
    return name != null && name.toString().startsWith(".");
  }
}
