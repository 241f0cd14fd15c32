package org.kontekst.bot.curation;

import java.util.Optional;
import org.kontekst.knowledge.article.Article;

/** Finds a published article of the knowledge base by id. */
@FunctionalInterface
public interface PublishedArticles {
  Optional<Article> find(String id);
}
