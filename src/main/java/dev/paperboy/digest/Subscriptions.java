package dev.paperboy.digest;

import dev.paperboy.runtime.RateLimit;
import dev.paperboy.runtime.RateLimits;
import jakarta.mail.internet.AddressException;
import jakarta.mail.internet.InternetAddress;
import java.time.Clock;
import java.time.DateTimeException;
import java.time.Duration;
import java.time.ZoneId;
import java.util.List;
import java.util.Optional;
import java.util.UUID;
import java.util.function.Predicate;
import org.springframework.stereotype.Service;
import org.springframework.transaction.annotation.Transactional;

/**
 * Accounts and their digests: signing in, subscribing, confirming and leaving. Anyone signs in by
 * an emailed link, and has an account (library, votes) with the digest off; the digest is double
 * opt-in: turning it on by mail takes a confirmation link, and leaving it keeps the account. Every
 * answer is the same whether the address is known or not, and anything that sends mail is
 * rate-limited per address and per client. Emailed links work once; sessions live in PostgreSQL, so
 * they can be ended one by one or all together.
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
  private final Clock clock;
  private final RateLimit perClient;

  Subscriptions(
      Subscribers subscribers,
      Outbox outbox,
      Letters letters,
      Tokens tokens,
      MailSettings settings,
      Clock clock,
      RateLimits limits) {
    this.subscribers = subscribers;
    this.outbox = outbox;
    this.letters = letters;
    this.tokens = tokens;
    this.settings = settings;
    this.clock = clock;
    this.perClient =
        limits.of("mails-per-client", settings.perClientPerHour(), Duration.ofHours(1));
  }

  /**
   * Asks for the digest: a confirmation link, which turns it on; an account that gets digests
   * already is sent a sign-in link instead. Topics and zone are taken only for a new account: a
   * stranger cannot change someone's settings by typing their address.
   */
  @Transactional
  public void subscribe(String email, List<String> topics, String zone, String client) {
    String address = address(email);
    List<String> cleanTopics = topics(topics);
    String cleanZone = zone(zone);
    if (!allowed(address, client)) {
      return;
    }
    Subscriber s = subscribers.pending(address, cleanTopics, cleanZone);
    long serial = subscribers.newLink(s.id());
    outbox.queue(s.receivesDigest() ? letters.signIn(s, serial) : letters.confirm(s, serial));
  }

  /**
   * Sends a sign-in link to any address, known or new: using it opens an account with the digest
   * off.
   */
  @Transactional
  public void requestSignIn(String email, String client) {
    String address = address(email);
    if (!allowed(address, client)) {
      return;
    }
    Subscriber s = subscribers.pending(address, List.of(), "UTC");
    outbox.queue(letters.signIn(s, subscribers.newLink(s.id())));
  }

  /**
   * Confirms the digest by a confirmation link, once, and signs in. A link that was used, replaced
   * by a newer one, or sent before the address unsubscribed confirms nothing: it reads as spent.
   */
  @Transactional
  public EmailedLink confirm(String token) {
    Optional<Tokens.Claim> claim = tokens.claim(token, Tokens.Purpose.CONFIRM);
    Optional<Subscriber> s = claim.flatMap(c -> subscribers.byId(c.subject()));
    if (s.isEmpty()) {
      return EmailedLink.invalid();
    }
    if (!subscribers.useLink(s.get().id(), claim.get().serial())) {
      return EmailedLink.spent();
    }
    subscribers.digest(s.get().id(), true);
    return confirmedBy(s.get());
  }

  /**
   * Signs in by an emailed link: a sign-in link (once), or a digest's "change topics or schedule"
   * link (a longer-lived manage token, good for every letter until "sign out everywhere").
   */
  @Transactional
  public EmailedLink signIn(String token) {
    Optional<Tokens.Claim> once = tokens.claim(token, Tokens.Purpose.SIGN_IN);
    if (once.isPresent()) {
      return signIn(once.get(), s -> subscribers.useLink(s.id(), once.get().serial()));
    }
    return tokens
        .claim(token, Tokens.Purpose.MANAGE)
        .map(manage -> signIn(manage, s -> s.manageSerial() == manage.serial()))
        .orElseGet(EmailedLink::invalid);
  }

  /**
   * A link still good signs in. Using it proves the address, so it confirms a new account (and one
   * marked bouncing); unsubscribing ends only the digest, so it signs in after that too.
   */
  private EmailedLink signIn(Tokens.Claim claim, Predicate<Subscriber> stillGood) {
    return subscribers
        .byId(claim.subject())
        .map(s -> stillGood.test(s) ? confirmedBy(s) : EmailedLink.spent())
        .orElseGet(EmailedLink::invalid);
  }

  private EmailedLink confirmedBy(Subscriber s) {
    subscribers.status(s.id(), "confirmed");
    return EmailedLink.signedIn(subscribers.byId(s.id()).orElseThrow());
  }

  /** The account with this id, if it still exists. */
  public Optional<Subscriber> account(UUID id) {
    return subscribers.byId(id);
  }

  /** The account of this address (any case), if there is one. */
  public Optional<Subscriber> account(String email) {
    return email == null ? Optional.empty() : subscribers.byEmail(email.strip());
  }

  /** The account of a live session, named by its cookie. */
  public Optional<Subscriber> bySession(String token) {
    return tokens.verify(token, Tokens.Purpose.SESSION).flatMap(subscribers::bySession);
  }

  /** Opens a session; the value for its cookie. */
  public String session(Subscriber s) {
    UUID id =
        subscribers.openSession(s.id(), clock.instant().plus(Tokens.Purpose.SESSION.lifetime));
    return tokens.issue(Tokens.Purpose.SESSION, id);
  }

  /** Signs this session out (from this browser only). */
  public void signOut(String sessionToken) {
    tokens.verify(sessionToken, Tokens.Purpose.SESSION).ifPresent(subscribers::closeSession);
  }

  /**
   * Signs out every session of this subscriber, and voids the sign-in links already mailed,
   * including the "change topics or schedule" links of past digests: the button for a lost device
   * or a mailbox someone else has read.
   */
  @Transactional
  public void signOutEverywhere(UUID subscriber) {
    subscribers.closeAllSessions(subscriber);
  }

  @Transactional
  public Optional<Subscriber> unsubscribe(String token) {
    return tokens
        .verify(token, Tokens.Purpose.UNSUBSCRIBE)
        .flatMap(subscribers::byId)
        .map(
            s -> {
              unsubscribe(s.id());
              return s;
            });
  }

  /**
   * Turns the digest off and keeps the account; a confirmation link sent earlier can no longer turn
   * it back on.
   */
  @Transactional
  public void unsubscribe(UUID id) {
    subscribers.digest(id, false);
    subscribers.newLink(id);
  }

  /** The digest settings of a signed-in reader, whose address is proven: no confirmation. */
  public void preferences(
      UUID id, boolean digest, List<String> topics, String cadence, int hour, String zone) {
    if (!cadence.equals("daily") && !cadence.equals("weekly")) {
      throw new InvalidSubscription(
          InvalidSubscription.Field.CADENCE, "cadence must be daily or weekly");
    }
    if (hour < 0 || hour > 23) {
      throw new InvalidSubscription(
          InvalidSubscription.Field.HOUR, "hour must be between 0 and 23");
    }
    subscribers.preferences(id, digest, topics(topics), cadence, hour, zone(zone));
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
      throw new InvalidSubscription(
          InvalidSubscription.Field.EMAIL, "please give one valid email address");
    }
    try {
      InternetAddress parsed = new InternetAddress(e, true);
      if (!parsed.getAddress().equals(e) || !e.contains("@")) {
        throw new InvalidSubscription(
            InvalidSubscription.Field.EMAIL, "please give one valid email address");
      }
      return e;
    } catch (AddressException bad) {
      throw new InvalidSubscription(
          InvalidSubscription.Field.EMAIL, "please give one valid email address");
    }
  }

  static List<String> topics(List<String> topics) {
    List<String> clean =
        topics == null
            ? List.of()
            : topics.stream().map(String::strip).filter(t -> !t.isEmpty()).distinct().toList();
    if (clean.size() > MAX_TOPICS) {
      throw new InvalidSubscription(
          InvalidSubscription.Field.TOPICS, "at most " + MAX_TOPICS + " topics");
    }
    for (String t : clean) {
      if (t.length() > MAX_TOPIC_LENGTH || t.chars().anyMatch(c -> c < 32 || c == 127)) {
        throw new InvalidSubscription(
            InvalidSubscription.Field.TOPICS,
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
      throw new InvalidSubscription(
          InvalidSubscription.Field.ZONE, "unknown time zone: " + zone.strip());
    }
  }

  /**
   * Per client: refused with a 429 (that says nothing about any address). Per address: quietly not
   * sent, with the usual answer, so the limit does not reveal who asked recently.
   */
  private boolean allowed(String address, String client) {
    Duration wait = perClient.take(client == null ? "unknown" : client);
    if (!wait.isZero()) {
      long minutes = Math.max(1, wait.toMinutes() + (wait.toSecondsPart() > 0 ? 1 : 0));
      throw new TooManyRequests(
          "too many requests from your address; try again in "
              + (minutes == 1 ? "a minute" : minutes + " minutes"),
          wait);
    }
    return outbox.sentToRecently(address) < settings.perAddressPerHour();
  }
}
