package dev.paperboy.web;

import dev.paperboy.runtime.PaperboySettings;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.io.IOException;
import java.net.InetAddress;
import java.net.UnknownHostException;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * Keeps operator endpoints closed to the public: open to loopback clients (not relayed by a proxy),
 * or to anyone presenting {@code PAPERBOY_ADMIN_TOKEN} as a bearer token.
 */
final class OperatorAccess implements HandlerInterceptor {

  private final byte[] token;

  OperatorAccess(PaperboySettings settings) {
    String t = settings.adminToken();
    this.token = t == null || t.isBlank() ? null : t.getBytes(StandardCharsets.UTF_8);
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object h)
      throws IOException {
    if (fromLoopback(request) || hasToken(request)) {
      return true;
    }
    // Through the error dispatch, so the refusal comes in the route's format (JSON or a page).
    response.sendError(
        HttpServletResponse.SC_FORBIDDEN,
        "operator endpoints are open to this machine only,"
            + " or with the operator token (PAPERBOY_ADMIN_TOKEN)");
    return false;
  }

  private static boolean fromLoopback(HttpServletRequest request) {
    if (request.getHeader("X-Forwarded-For") != null || request.getHeader("Forwarded") != null) {
      return false;
    }
    try {
      return InetAddress.getByName(request.getRemoteAddr()).isLoopbackAddress();
    } catch (UnknownHostException e) {
      return false;
    }
  }

  private boolean hasToken(HttpServletRequest request) {
    String header = request.getHeader("Authorization");
    if (token == null || header == null || !header.startsWith("Bearer ")) {
      return false;
    }
    byte[] given = header.substring("Bearer ".length()).getBytes(StandardCharsets.UTF_8);
    return MessageDigest.isEqual(token, given);
  }
}
