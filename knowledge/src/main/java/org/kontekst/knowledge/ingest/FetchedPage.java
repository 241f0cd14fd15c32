package org.kontekst.knowledge.ingest;

import java.net.URI;
import java.util.Objects;

/**
 * An HTML page as fetched: where it ended up after redirects, its bytes, and the charset the
 * server named (empty when it named none, so that the parser looks for a meta tag).
 */
public record FetchedPage(URI url, byte[] body, String charset) {
  public FetchedPage {
    Objects.requireNonNull(url, "url");
    body = Objects.requireNonNull(body, "body").clone();
    charset = charset == null ? "" : charset;
  }

  @Override
  public byte[] body() {
    return body.clone();
  }
}
