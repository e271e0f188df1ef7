package dev.paperboy.ingest;

import static org.assertj.core.api.Assertions.assertThat;
import static org.assertj.core.api.Assertions.assertThatThrownBy;

import java.io.BufferedInputStream;
import java.io.ByteArrayInputStream;
import java.io.IOException;
import java.io.InputStream;
import java.nio.charset.StandardCharsets;
import org.junit.jupiter.api.Test;

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

  @Test
  void eachFixtureIsRecognisedFromItsContent() throws IOException {
    assertThat(detect("arxiv-api.atom")).isEqualTo(Format.ARXIV_API_ATOM);
    assertThat(detect("oai-arxiv.xml")).isEqualTo(Format.OAI_PMH_LIST_RECORDS);
    assertThat(detect("oai-arxivraw.xml")).isEqualTo(Format.OAI_PMH_LIST_RECORDS);
    assertThat(detect("hf-daily.json")).isEqualTo(Format.HUGGING_FACE_DAILY);
    assertThat(detect("papers.jsonl")).isEqualTo(Format.JSON_LINES);
    assertThat(detect("xxe.atom")).isEqualTo(Format.ARXIV_API_ATOM);
    assertThat(detect("arxiv-snapshot.jsonl")).isEqualTo(Format.ARXIV_SNAPSHOT);
    assertThat(detect("arxiv-announce.rss")).isEqualTo(Format.ARXIV_ANNOUNCEMENT_RSS);
    assertThat(detect("arxiv-announce.atom")).isEqualTo(Format.ARXIV_ANNOUNCEMENT_ATOM);
    assertThat(detect("sources/rss-cs.CL.xml")).isEqualTo(Format.ARXIV_ANNOUNCEMENT_ATOM);
    assertThat(detect("oai-dc.xml")).isEqualTo(Format.OAI_PMH_LIST_RECORDS);
    assertThat(detect("oai-getrecord.xml")).isEqualTo(Format.OAI_PMH_GET_RECORD);
    assertThat(detect("hf-search.json")).isEqualTo(Format.HUGGING_FACE_SEARCH);
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
