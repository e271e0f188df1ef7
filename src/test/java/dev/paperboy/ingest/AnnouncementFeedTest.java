package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;

import dev.paperboy.catalog.Author;
import dev.paperboy.catalog.Paper;
import java.time.LocalDate;
import org.junit.jupiter.api.Test;

class AnnouncementFeedTest {

  private static final LocalDate ANNOUNCED = LocalDate.of(2026, 11, 27);

  private final CollectingSink rss =
      CollectingSink.parse(new ArxivRssParser(), "arxiv-announce.rss");
  private final CollectingSink atom =
      CollectingSink.parse(new ArxivAtomParser(), "arxiv-announce.atom");

  @Test
  void everyItemOfTheRssFeedIsRead() {
    assertThat(rss.rejections).isEmpty();
    assertThat(rss.positions).containsExactly("item 1", "item 2", "item 3", "item 4");
    assertThat(rss.papers)
        .extracting(p -> p.id() + "v" + p.version())
        .containsExactly(
            "arxiv:2611.01234v1", "arxiv:2611.00999v1", "arxiv:2611.00500v3", "arxiv:2611.00777v2");
  }

  @Test
  void theAnnouncementPrefixLeavesTheAbstractAndCreatorsBecomeAuthors() {
    Paper p = rss.papers.get(0);
    assertThat(p.abstractText())
        .isEqualTo(
            "We read announcement feeds with hard line breaks and $\\alpha < \\beta$ in them.");
    assertThat(p.authors())
        .extracting(Author::name)
        .containsExactly("Rita Feed", "Sam Daily", "Tom Atom");
    assertThat(p.categories()).containsExactly("cs.CL", "cs.IR");
    assertThat(p.links().abstractPage()).isEqualTo("https://arxiv.org/abs/2611.01234");
  }

  @Test
  void aNewOrCrossListedFirstVersionIsPublishedThatDayAndAReplacementUpdated() {
    assertThat(rss.papers.get(0).published()).isEqualTo(ANNOUNCED);
    assertThat(rss.papers.get(1).published()).isEqualTo(ANNOUNCED);
    Paper replaced = rss.papers.get(2);
    assertThat(replaced.published()).isNull();
    assertThat(replaced.updated()).isEqualTo(ANNOUNCED);
    assertThat(rss.papers.get(3).published()).isNull();
    assertThat(rss.papers.get(3).updated()).isEqualTo(ANNOUNCED);
  }

  @Test
  void theAtomFeedGivesTheSamePapersAsTheRssFeed() {
    assertThat(atom.rejections).isEmpty();
    assertThat(atom.papers).isEqualTo(rss.papers);
  }
}
