package dev.paperboy.web;

import jakarta.servlet.RequestDispatcher;
import jakarta.servlet.http.HttpServletRequest;
import java.io.ByteArrayOutputStream;
import java.nio.charset.StandardCharsets;
import org.springframework.http.MediaType;

/**
 * How a route answers an error, decided by its path alone so that every layer (controllers, the
 * servlet error dispatch, Tomcat's own rejections) agrees: programs get JSON or plain text in the
 * format they asked for, people get our HTML page.
 */
enum ErrorFormat {
  /** {@code {"error": "..."}} for the API, the operator endpoints and Actuator. */
  JSON(MediaType.APPLICATION_JSON),
  /** Plain text for feed readers and reference managers, which show it as it is. */
  TEXT(new MediaType("text", "plain", StandardCharsets.UTF_8)),
  /** Our error page, with the search box keeping what the reader typed. */
  PAGE(new MediaType("text", "html", StandardCharsets.UTF_8));

  final MediaType type;

  ErrorFormat(MediaType type) {
    this.type = type;
  }

  static ErrorFormat of(String path) {
    if (under(path, "/api") || under(path, "/admin") || under(path, "/actuator")) {
      return JSON;
    }
    if (under(path, "/feed") || under(path, "/export")) {
      return TEXT;
    }
    return PAGE;
  }

  static ErrorFormat of(HttpServletRequest request) {
    return of(path(request));
  }

  /** The path the client asked for, also while Tomcat forwards the request to the error page. */
  static String path(HttpServletRequest request) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_REQUEST_URI);
    String path = original instanceof String s ? s : request.getRequestURI();
    return path == null ? "" : path;
  }

  private static boolean under(String path, String prefix) {
    return path.equals(prefix) || path.startsWith(prefix + "/");
  }

  /**
   * A query parameter as the reader typed it, read from the raw query string so that a malformed
   * percent-encoding (the very error being reported) shows as U+FFFD instead of failing again.
   */
  static String typed(HttpServletRequest request, String name) {
    Object original = request.getAttribute(RequestDispatcher.ERROR_QUERY_STRING);
    return typed(original instanceof String s ? s : request.getQueryString(), name);
  }

  static String typed(String queryString, String name) {
    if (queryString == null) {
      return "";
    }
    for (String pair : queryString.split("&")) {
      int eq = pair.indexOf('=');
      if (eq > 0 && pair.substring(0, eq).equals(name)) {
        return leniently(pair.substring(eq + 1));
      }
    }
    return "";
  }

  private static String leniently(String encoded) {
    ByteArrayOutputStream bytes = new ByteArrayOutputStream();
    for (int i = 0; i < encoded.length(); i++) {
      char c = encoded.charAt(i);
      int hex = c == '%' && i + 2 < encoded.length() ? hexByte(encoded, i + 1) : -1;
      if (hex >= 0) {
        bytes.write(hex);
        i += 2;
      } else {
        bytes.writeBytes(String.valueOf(c == '+' ? ' ' : c).getBytes(StandardCharsets.UTF_8));
      }
    }
    // new String replaces malformed UTF-8 with U+FFFD rather than throwing.
    return new String(bytes.toByteArray(), StandardCharsets.UTF_8);
  }

  private static int hexByte(String s, int at) {
    int high = Character.digit(s.charAt(at), 16);
    int low = Character.digit(s.charAt(at + 1), 16);
    return high < 0 || low < 0 ? -1 : high * 16 + low;
  }
}
