package org.kontekst.knowledge.ingest;

import java.util.Objects;

/**
 * A web page that could not be fetched or read as an article. The {@link Reason} lets the caller
 * explain it in the person's language; {@code detail} is the particular (a status code, an address,
 * a size) and the message says it all in English.
 */
public final class FetchException extends Exception {
  private static final long serialVersionUID = 1L;

  /** Why a page could not become an article. */
  public enum Reason {
    /** Not a URL, or one with a user name, password or no host. */
    BAD_URL,
    /** Not http or https. */
    SCHEME,
    /** The host name does not resolve. */
    UNKNOWN_HOST,
    /** The host resolves to a private, loopback, link-local or otherwise non-public address. */
    BLOCKED_ADDRESS,
    /** No connection could be made. */
    CONNECT_FAILED,
    /** The server was too slow. */
    TIMEOUT,
    /** The secure connection failed (certificate, protocol). */
    TLS,
    /** The server answered with an error status. */
    HTTP_STATUS,
    /** More redirects than allowed, or a redirect without a usable target. */
    REDIRECTS,
    /** Not an HTML page. */
    NOT_HTML,
    /** Larger than the size limit. */
    TOO_BIG,
    /** The server's answer was not valid HTTP. */
    BAD_RESPONSE,
    /** An HTML page without article text. */
    NO_TEXT
  }

  private final Reason reason;
  private final String detail;

  public FetchException(Reason reason, String detail, String message) {
    super(message);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.detail = detail == null ? "" : detail;
  }

  public Reason reason() {
    return reason;
  }

  public String detail() {
    return detail;
  }
}
