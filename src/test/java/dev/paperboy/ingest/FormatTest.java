package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

class FormatTest {

  private static Format detect(String fixture) throws IOException {
    try (InputStream in = FormatTest.class.getResourceAsStream("/fixtures/" + fixture)) {
      return Format.detect(new BufferedInputStream(in));
    }
  }

  private static Format detectText(String text) throws IOException {
    return Format.detect(
        new BufferedInputStream(new ByteArrayInputStream(text.getBytes(StandardCharsets.UTF_8))));
  }

  @ParameterizedTest
  @CsvSource({
    "arxiv-api.atom, ARXIV_API_ATOM",
    "xxe.atom, ARXIV_API_ATOM",
    "arxiv-announce.atom, ARXIV_ANNOUNCEMENT_ATOM",
    "sources/rss-cs.CL.xml, ARXIV_ANNOUNCEMENT_ATOM",
    "arxiv-announce.rss, ARXIV_ANNOUNCEMENT_RSS",
    "oai-arxiv.xml, OAI_PMH_LIST_RECORDS",
    "oai-arxivraw.xml, OAI_PMH_LIST_RECORDS",
    "oai-dc.xml, OAI_PMH_LIST_RECORDS",
    "oai-getrecord.xml, OAI_PMH_GET_RECORD",
    "hf-daily.json, HUGGING_FACE_DAILY",
    "hf-search.json, HUGGING_FACE_SEARCH",
    "papers.jsonl, JSON_LINES",
    "arxiv-snapshot.jsonl, ARXIV_SNAPSHOT"
  })
  void eachFixtureIsRecognisedFromItsContent(String fixture, Format expected) throws IOException {
    assertThat(detect(fixture)).isEqualTo(expected);
  }

  @Test
  void theSnapshotIsToldFromOurJsonLinesByItsFieldsNotItsName() throws IOException {
    assertThat(detectText("{\"id\":\"0704.0001\",\"submitter\":\"A\",\"categories\":\"hep-ph\"}"))
        .isEqualTo(Format.ARXIV_SNAPSHOT);
    assertThat(detectText("{\"id\":\"0704.0001\",\"categories\":[\"hep-ph\"]}"))
        .isEqualTo(Format.JSON_LINES);
  }

  @Test
  void aByteOrderMarkAndLeadingSpaceAreIgnored() throws IOException {
    assertThat(detectText("\uFEFF  \n<feed xmlns='http://www.w3.org/2005/Atom'/>"))
        .isEqualTo(Format.ARXIV_API_ATOM);
  }

  @Test
  void unknownContentGetsAClearReason() {
    assertThatThrownBy(() -> detectText("")).hasMessage("the file is empty");
    assertThatThrownBy(() -> detectText("<html><body/></html>"))
        .hasMessageContaining("root <html>");
    assertThatThrownBy(() -> detectText("id,title\n1,x")).hasMessageContaining("not XML or JSON");
  }
}
