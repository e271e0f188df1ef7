package dev.paperboy.web;

import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Locale;

/**
 * The one list of operator surfaces: every path under these prefixes needs the operator credential.
 * A new operator endpoint goes under {@code /admin/} and is covered without touching this list; a
 * new Actuator endpoint is covered by {@code /actuator}. Only the health probe is open, for load
 * balancers, and it tells nothing but up or down.
 */
final class OperatorSurfaces {

  private static final List<String> PREFIXES =
      List.of("/admin", "/mail", "/sources", "/api/sources", "/actuator");

  private static final List<String> OPEN = List.of("/actuator/health");

  private OperatorSurfaces() {}

  static boolean covers(HttpServletRequest request) {
    return covers(pathOf(request));
  }

  /** Compared ignoring case, so no spelling of a path slips past what a handler would match. */
  static boolean covers(String path) {
    String p = path.toLowerCase(Locale.ROOT);
    return PREFIXES.stream().anyMatch(prefix -> under(p, prefix))
        && OPEN.stream().noneMatch(prefix -> under(p, prefix));
  }

  /** JSON for programs (API, admin, Actuator), an HTML page for the operator's pages. */
  static boolean wantsJson(HttpServletRequest request) {
    return ErrorFormat.of(pathOf(request).toLowerCase(Locale.ROOT)) == ErrorFormat.JSON;
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  /**
   * The path as the container resolved it: decoded, with {@code ;parameters} and dot segments
   * removed and slashes merged, so {@code //mail} or {@code /x/../mail;a=b} is still {@code /mail}.
   */
  private static String pathOf(HttpServletRequest request) {
    String servletPath = request.getServletPath();
    String pathInfo = request.getPathInfo();
    return (servletPath == null ? "" : servletPath) + (pathInfo == null ? "" : pathInfo);
  }
}
