package dev.paperboy.sources;

import static org.assertj.core.api.Assertions.assertThat;

import java.nio.charset.StandardCharsets;
import java.util.List;
import org.junit.jupiter.api.Test;

class ArxivOaiHarvesterTest {

  @Test
  void categoriesMapToTheirOaiSetsOncePerGroup() {
    assertThat(
            ArxivOaiHarvester.sets(
                List.of(
                    "cs.CL",
                    "cs.LG",
                    "math.GT",
                    "hep-th",
                    "physics.plasm-ph",
                    "astro-ph.CO",
                    "q-bio.BM")))
        .containsExactly(
            "cs", "math", "physics:hep-th", "physics:physics", "physics:astro-ph", "q-bio");
  }

  @Test
  void anOaiPageGivesItsTokenEvenWithoutAttributesAndAnEmptyTokenEndsTheList() {
    assertThat(Bodies.oai(FixtureServer.read("sources/oai-page1.xml")).token()).isEqualTo("t1");
    assertThat(Bodies.oai(FixtureServer.read("sources/oai-page2.xml")).token()).isEqualTo("t2");
    Bodies.OaiPage last = Bodies.oai(FixtureServer.read("sources/oai-page3.xml"));
    assertThat(last.hasToken()).isTrue();
    assertThat(last.token()).isNull();
    assertThat(Bodies.oai(FixtureServer.read("oai-error.xml")).errorCode())
        .isEqualTo("badResumptionToken");
  }

  @Test
  void htmlPagesAreRecognised() {
    assertThat(Bodies.isHtml("  <!DOCTYPE html><html>".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(Bodies.isHtml("<HTML><body>".getBytes(StandardCharsets.UTF_8))).isTrue();
    assertThat(Bodies.isHtml("<?xml version='1.0'?><OAI-PMH/>".getBytes(StandardCharsets.UTF_8)))
        .isFalse();
  }
}
