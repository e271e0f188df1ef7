package dev.paperboy.web;

/**
 * A request that would change a reader's data on the strength of their session cookie alone:
 * without the page's CSRF value (what a form on another site would send), or one the browser marks
 * as another site's or as a prefetch (403).
 */
final class CrossSiteRequest extends RuntimeException {

  static final String NO_CSRF_VALUE =
      "a request signed in by cookie must send this site's CSRF value (the pb_csrf cookie's) in"
          + " the "
          + Readers.CSRF_HEADER
          + " header; scripts send a personal API token instead";

  static final String UNSEEN =
      "another site's request or a prefetch gets nothing by the session cookie alone (For you"
          + " records what it shows); open the page here, or send a personal API token";

  CrossSiteRequest(String message) {
    super(message);
  }
}
