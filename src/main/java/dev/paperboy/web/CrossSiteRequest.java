package dev.paperboy.web;

/**
 * A request that would change a reader's data on the strength of their session cookie alone,
 * without the page's CSRF value: what a form on another site would send (403).
 */
final class CrossSiteRequest extends RuntimeException {

  CrossSiteRequest() {
    super(
        "a request signed in by cookie must send this site's CSRF value (the pb_csrf cookie's) in"
            + " the "
            + Readers.CSRF_HEADER
            + " header; scripts send a personal API token instead");
  }
}
