package dev.paperboy.web;

import dev.paperboy.digest.Subscriber;
import dev.paperboy.digest.Subscriptions;
import jakarta.servlet.http.HttpServletRequest;
import java.util.Optional;
import org.springframework.stereotype.Component;

/** Who is signed in: the subscriber named by a valid session cookie, if any. */
@Component
class Session {

  static final String COOKIE = "pb_session";

  private final Subscriptions subscriptions;

  Session(Subscriptions subscriptions) {
    this.subscriptions = subscriptions;
  }

  Optional<Subscriber> current(HttpServletRequest request) {
    return token(request).flatMap(subscriptions::bySession);
  }

  /** The session cookie's value, live or not. */
  Optional<String> token(HttpServletRequest request) {
    return Csrf.cookie(request, COOKIE);
  }
}
