package dev.paperboy.digest;

import io.github.resilience4j.ratelimiter.RateLimiter;
import io.github.resilience4j.ratelimiter.RateLimiterConfig;
import io.github.resilience4j.ratelimiter.RateLimiterRegistry;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Subscribing, confirming, signing in and leaving. Double opt-in: a new address gets a confirmation
 * link and nothing else until it is used. Every answer is the same whether the address is known or
 * not, and anything that sends mail is rate-limited per address and per client.
 */
@Service
public class Subscriptions {

  static final int MAX_TOPICS = 20;
  static final int MAX_TOPIC_LENGTH = 200;

  private final Subscribers subscribers;
  private final Outbox outbox;
  private final Letters letters;
  private final Tokens tokens;
  private final MailSettings settings;
  private final RateLimiterRegistry perClient;

  Subscriptions(
      Subscribers subscribers,
      Outbox outbox,
      Letters letters,
      Tokens tokens,
      MailSettings settings) {
    this.subscribers = subscribers;
    this.outbox = outbox;
    this.letters = letters;
    this.tokens = tokens;
    this.settings = settings;
    this.perClient =
        RateLimiterRegistry.of(
            RateLimiterConfig.custom()
                .limitForPeriod(settings.perClientPerHour())
                .limitRefreshPeriod(Duration.ofHours(1))
                .timeoutDuration(Duration.ZERO)
                .build());
  }

  /** Asks for a subscription; a confirmed address gets a sign-in link instead. */
  @Transactional
  public void subscribe(String email, List<String> topics, String zone, String client) {
    String address = address(email);
    List<String> cleanTopics = topics(topics);
    String cleanZone = zone(zone);
    if (!allowed(address, client)) {
      return;
    }
    Subscriber s = subscribers.pending(address, cleanTopics, cleanZone);
    if (s.confirmed()) {
      outbox.queue(letters.signIn(s));
      return;
    }
    if (!s.status().equals("pending")) {
      subscribers.status(s.id(), "pending");
    }
    outbox.queue(letters.confirm(s));
  }

  /** Sends a sign-in link to a confirmed address; to anyone else, nothing (same answer). */
  @Transactional
  public void requestSignIn(String email, String client) {
    String address = address(email);
    if (!allowed(address, client)) {
      return;
    }
    subscribers
        .byEmail(address)
        .filter(Subscriber::confirmed)
        .ifPresent(s -> outbox.queue(letters.signIn(s)));
  }

  /** Confirms by a confirmation token; the subscriber, when the token is good. */
  @Transactional
  public Optional<Subscriber> confirm(String token) {
    return tokens
        .verify(token, Tokens.Purpose.CONFIRM)
        .flatMap(subscribers::byId)
        .map(
            s -> {
              subscribers.status(s.id(), "confirmed");
              return subscribers.byId(s.id()).orElseThrow();
            });
  }

  /**
   * Signs in by an emailed link: a sign-in link, or a digest's "change topics or schedule" link (a
   * longer-lived manage token); the subscriber, when the token is good.
   */
  public Optional<Subscriber> signIn(String token) {
    return tokens
        .verify(token, Tokens.Purpose.SIGN_IN)
        .or(() -> tokens.verify(token, Tokens.Purpose.MANAGE))
        .flatMap(subscribers::byId)
        .filter(Subscriber::confirmed);
  }

  public Optional<Subscriber> bySession(String token) {
    return tokens.verify(token, Tokens.Purpose.SESSION).flatMap(subscribers::byId);
  }

  public String session(Subscriber s) {
    return tokens.issue(Tokens.Purpose.SESSION, s.id());
  }

  @Transactional
  public Optional<Subscriber> unsubscribe(String token) {
    return tokens
        .verify(token, Tokens.Purpose.UNSUBSCRIBE)
        .flatMap(subscribers::byId)
        .map(
            s -> {
              subscribers.status(s.id(), "unsubscribed");
              return s;
            });
  }

  public void unsubscribe(UUID id) {
    subscribers.status(id, "unsubscribed");
  }

  public void preferences(UUID id, List<String> topics, String cadence, int hour, String zone) {
    if (!cadence.equals("daily") && !cadence.equals("weekly")) {
      throw new InvalidSubscription("cadence must be daily or weekly");
    }
    if (hour < 0 || hour > 23) {
      throw new InvalidSubscription("hour must be between 0 and 23");
    }
    subscribers.preferences(id, topics(topics), cadence, hour, zone(zone));
  }

  /**
   * A single, valid address and nothing else: no display names, no line breaks (which would let a
   * caller add mail headers), at most 254 characters.
   */
  static String address(String email) {
    String e = email == null ? "" : email.strip();
    if (e.isEmpty()
        || e.length() > 254
        || e.chars().anyMatch(c -> c < 32 || c == 127)
        || e.contains(",")
        || e.contains("<")) {
      throw new InvalidSubscription("please give one valid email address");
    }
    try {
      InternetAddress parsed = new InternetAddress(e, true);
      if (!parsed.getAddress().equals(e) || !e.contains("@")) {
        throw new InvalidSubscription("please give one valid email address");
      }
      return e;
    } catch (AddressException bad) {
      throw new InvalidSubscription("please give one valid email address");
    }
  }

  static List<String> topics(List<String> topics) {
    List<String> clean =
        topics == null
            ? List.of()
            : topics.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    if (clean.size() > MAX_TOPICS) {
      throw new InvalidSubscription("at most " + MAX_TOPICS + " topics");
    }
    for (String t : clean) {
      if (t.length() > MAX_TOPIC_LENGTH || t.chars().anyMatch(c -> c < 32 || c == 127)) {
        throw new InvalidSubscription(
            "a topic is one line of at most " + MAX_TOPIC_LENGTH + " characters");
      }
    }
    return clean;
  }

  static String zone(String zone) {
    if (zone == null || zone.isBlank()) {
      return "UTC";
    }
    try {
      return ZoneId.of(zone.strip()).getId();
    } catch (DateTimeException e) {
      throw new InvalidSubscription("unknown time zone: " + zone.strip());
    }
  }

  /**
   * Per client: refused with a 429 (that says nothing about any address). Per address: quietly not
   * sent, with the usual answer, so the limit does not reveal who asked recently.
   */
  private boolean allowed(String address, String client) {
    RateLimiter limiter = perClient.rateLimiter(client == null ? "unknown" : client);
    if (!limiter.acquirePermission()) {
      throw new TooManyRequests("too many requests from your address; try again in an hour");
    }
    return outbox.sentToRecently(address) < settings.perAddressPerHour();
  }
}
