package dev.paperboy.web;

import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.util.Map;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Refuses parameters holding C0 control characters (other than tab, line feed and carriage return):
 * no query, address, token or topic has one, PostgreSQL cannot store NUL, and XML (our feeds)
 * cannot carry any of them. A 400 here is clearer than a failure deep in a handler.
 */
final class ControlCharacters implements HandlerInterceptor {

  /** A request that cannot be served as sent; the message tells the client what to change. */
  static final class Refused extends RuntimeException {
    Refused(String message) {
      super(message);
    }
  }

  private static final String SEARCH = "q";

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object h) {
    for (Map.Entry<String, String[]> parameter : request.getParameterMap().entrySet()) {
      if (parameter.getKey().equals(SEARCH)) {
        continue;
      }
      if (hasControl(parameter.getKey()) || anyHasControl(parameter.getValue())) {
        throw new Refused(
            "parameter '"
                + printable(parameter.getKey())
                + "' holds a control character (such as %00 or %01), which no text here may"
                + " contain");
      }
    }
    return true;
  }

  private static boolean anyHasControl(String[] values) {
    for (String value : values) {
      if (hasControl(value)) {
        return true;
      }
    }
    return false;
  }

  static boolean hasControl(String text) {
    for (int i = 0; i < text.length(); i++) {
      char c = text.charAt(i);
      if (c < 0x20 && c != '\t' && c != '\n' && c != '\r') {
        return true;
      }
    }
    return false;
  }

  private static String printable(String name) {
    return hasControl(name) ? "?" : name;
  }
}
