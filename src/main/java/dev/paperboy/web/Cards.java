package dev.paperboy.web;

import dev.paperboy.catalog.Catalog;
import dev.paperboy.catalog.Paper;
import dev.paperboy.catalog.PaperId;
import dev.paperboy.digest.Subscriber;
import dev.paperboy.foryou.Feedback;
import dev.paperboy.search.SearchResults;
import dev.paperboy.trending.Signals;
import dev.paperboy.trending.Trending;
import jakarta.servlet.http.HttpServletRequest;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.Set;
import org.springframework.stereotype.Component;

/**
 * Builds the cards of a list of papers, with the counts and the reader's votes and saves of the
 * whole list read in a few queries, whichever page (home, trending, search, library, related) asks.
 */
@Component
class Cards {

  private final Catalog catalog;
  private final Signals signals;
  private final Session session;
  private final Feedback feedback;

  Cards(Catalog catalog, Signals signals, Session session, Feedback feedback) {
    this.catalog = catalog;
    this.signals = signals;
    this.session = session;
    this.feedback = feedback;
  }

  List<Card> of(List<Paper> papers, HttpServletRequest request) {
    return build(papers.stream().map(p -> new Listed(p, null, null)).toList(), request);
  }

  List<Card> ofTrends(List<Trending.Trend> trends, HttpServletRequest request) {
    return of(trends.stream().map(Trending.Trend::paper).toList(), request);
  }

  List<Card> ofHits(List<SearchResults.Hit> hits, HttpServletRequest request) {
    return build(
        hits.stream().map(h -> new Listed(h.paper(), h.titleHtml(), h.abstractHtml())).toList(),
        request);
  }

  private record Listed(Paper paper, String titleHtml, String abstractHtml) {}

  private List<Card> build(List<Listed> listed, HttpServletRequest request) {
    if (listed.isEmpty()) {
      return List.of();
    }
    List<PaperId> ids = listed.stream().map(l -> l.paper().id()).toList();
    List<String> keys = ids.stream().map(PaperId::toString).toList();
    Map<PaperId, Map<String, Long>> imported = catalog.signals(ids);
    Map<String, Long> votes = signals.votes(keys);
    Optional<Subscriber> reader = session.current(request);
    Set<String> voted = reader.map(r -> signals.votedAmong(r.id(), keys)).orElse(Set.of());
    Set<String> saved = reader.map(r -> signals.savedAmong(r.id(), keys)).orElse(Set.of());
    Set<String> dismissed =
        reader
            .map(r -> feedback.among(r.id(), keys, Feedback.Signal.NOT_INTERESTED))
            .orElse(Set.of());
    String back =
        request.getRequestURI()
            + (request.getQueryString() == null ? "" : "?" + request.getQueryString());
    return listed.stream()
        .map(
            l -> {
              String key = l.paper().id().toString();
              Tally tally =
                  Tally.of(
                      votes.getOrDefault(key, 0L), imported.getOrDefault(l.paper().id(), Map.of()));
              return Card.of(
                  l.paper(),
                  l.titleHtml(),
                  l.abstractHtml(),
                  tally,
                  reader.isPresent(),
                  voted.contains(key),
                  saved.contains(key),
                  dismissed.contains(key),
                  back);
            })
        .toList();
  }
}
