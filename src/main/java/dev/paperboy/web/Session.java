package dev.paperboy.web;

import dev.paperboy.digest.Subscriber;
import dev.paperboy.digest.Subscriptions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/**
 * Who is signed in: the account named by a valid session cookie, if any, looked up once per
 * request.
 */
@Component
class Session {

  static final String COOKIE = "pb_session";
  private static final String CURRENT = Session.class.getName() + ".current";

  private final Subscriptions subscriptions;

  Session(Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  @SuppressWarnings("unchecked")
  Optional<Subscriber> current(HttpServletRequest request) {
    Object known = request.getAttribute(CURRENT);
    if (known != null) {
      return (Optional<Subscriber>) known;
    }
    Optional<Subscriber> reader = token(request).flatMap(subscriptions::bySession);
    request.setAttribute(CURRENT, reader);
    return reader;
  }

  /** The signed-in reader of a page, or {@link SignInRequired}: to the sign-in page. */
  Subscriber required(HttpServletRequest request) {
    return current(request).orElseThrow(SignInRequired::new);
  }

  /** The session cookie's value, live or not. */
  Optional<String> token(HttpServletRequest request) {
    return Csrf.cookie(request, COOKIE);
  }
}
