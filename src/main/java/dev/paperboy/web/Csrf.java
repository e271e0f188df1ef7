package dev.paperboy.web;

import jakarta.servlet.http.Cookie;
import jakarta.servlet.http.HttpServletRequest;
import jakarta.servlet.http.HttpServletResponse;
import java.nio.charset.StandardCharsets;
import java.security.MessageDigest;
import java.security.SecureRandom;
import java.util.Arrays;
import java.util.Base64;
import java.util.Optional;
import org.springframework.web.servlet.HandlerInterceptor;

/**
 * CSRF protection for our forms by double submit: a random value in a SameSite=Strict cookie must
 * come back in the form's {@code csrf} field. Another site can make a browser post a form, but
 * cannot read or set our cookie.
 */
final class Csrf implements HandlerInterceptor {

  static final String COOKIE = "pb_csrf";
  static final String FIELD = "csrf";
  private static final SecureRandom RANDOM = new SecureRandom();

  /** The value for this browser, issuing a cookie when it has none. */
  static String token(HttpServletRequest request, HttpServletResponse response, Site site) {
    return cookie(request, COOKIE)
        .orElseGet(
            () -> {
              byte[] bytes = new byte[24];
              RANDOM.nextBytes(bytes);
              String value = Base64.getUrlEncoder().withoutPadding().encodeToString(bytes);
              response.addHeader(
                  "Set-Cookie",
                  site.cookie(COOKIE, value, request).sameSite("Strict").build().toString());
              return value;
            });
  }

  static Optional<String> cookie(HttpServletRequest request, String name) {
    Cookie[] cookies = request.getCookies();
    return cookies == null
        ? Optional.empty()
        : Arrays.stream(cookies)
            .filter(c -> c.getName().equals(name))
            .map(Cookie::getValue)
            .filter(v -> !v.isBlank())
            .findFirst();
  }

  /** The value sent (a form's field, or a header) is this browser's cookie's. */
  static boolean matches(HttpServletRequest request, String sent) {
    Optional<String> expected = cookie(request, COOKIE);
    return sent != null
        && expected.isPresent()
        && MessageDigest.isEqual(
            sent.getBytes(StandardCharsets.UTF_8), expected.get().getBytes(StandardCharsets.UTF_8));
  }

  @Override
  public boolean preHandle(HttpServletRequest request, HttpServletResponse response, Object h)
      throws java.io.IOException {
    if (!request.getMethod().equals("POST")) {
      return true;
    }
    if (matches(request, request.getParameter(FIELD))) {
      return true;
    }
    response.sendError(
        HttpServletResponse.SC_FORBIDDEN,
        "this form has expired or came from another site; reload the page and try again");
    return false;
  }
}
