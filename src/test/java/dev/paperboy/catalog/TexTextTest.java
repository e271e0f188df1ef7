package dev.paperboy.catalog;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class TexTextTest {

  @Test
  void authorNamesAsArxivListsThemReadAsTheirOwnersWriteThem() {
    assertThat(TexText.decode("Jo\\~ao S\\~ao Paulo")).isEqualTo("João São Paulo");
    assertThat(TexText.decode("Markus B\\\"uttiker")).isEqualTo("Markus Büttiker");
    assertThat(TexText.decode("Ren\\'e Vidal")).isEqualTo("René Vidal");
    assertThat(TexText.decode("Bernhard Sch{\\\"o}lkopf")).isEqualTo("Bernhard Schölkopf");
    assertThat(TexText.decode("Fran\\c{c}ois Chollet")).isEqualTo("François Chollet");
    assertThat(TexText.decode("Fran\\c cois Fleuret")).isEqualTo("François Fleuret");
    assertThat(TexText.decode("Jens J{\\o}rgensen")).isEqualTo("Jens Jørgensen");
    assertThat(TexText.decode("Ralf Stra\\ss e")).isEqualTo("Ralf Straße");
    assertThat(TexText.decode("Antonín Dvo\\v{r}\\'ak")).isEqualTo("Antonín Dvořák");
    assertThat(TexText.decode("Pawe\\l{} Nowak")).isEqualTo("Paweł Nowak");
    assertThat(TexText.decode("Gr\\`ege Ch\\^atel")).isEqualTo("Grège Châtel");
    assertThat(TexText.decode("Ma\\\"{\\i}a Garc\\'{\\i}a")).isEqualTo("Maïa García");
    assertThat(TexText.decode("Erd\\H{o}s")).isEqualTo("Erdős");
  }

  @Test
  void titlesLoseTheirTextModeMarkupButKeepTheirMath() {
    assertThat(TexText.decode("Fermions \\& Bosons on a Lattice"))
        .isEqualTo("Fermions & Bosons on a Lattice");
    assertThat(TexText.decode("Pages 10--20 --- and {BERT}: \\emph{Deep} Transformers"))
        .isEqualTo("Pages 10–20 — and BERT: Deep Transformers");
    assertThat(TexText.decode("The $\\tilde{O}(\\sqrt{n})$ regret of \\textit{na\\\"ive} UCB"))
        .isEqualTo("The $\\tilde{O}(\\sqrt{n})$ regret of naïve UCB");
    assertThat(TexText.decode("$\\mathcal{O}(\\log n)$ Inference in $\\{0,1\\}^n$ --- 50\\% off"))
        .isEqualTo("$\\mathcal{O}(\\log n)$ Inference in $\\{0,1\\}^n$ — 50% off");
  }

  @Test
  void textWithoutMarkupIsReturnedAsItIs() {
    String plain = "Attention Is All You Need: São Paulo's Büttiker probes";
    assertThat(TexText.decode(plain)).isSameAs(plain);
    assertThat(TexText.decode(null)).isNull();
  }

  @Test
  void plainTextHasNoDollarsAndKeepsTheMathSource() {
    assertThat(
            TexText.plain("Sparse Routing for $\\mathcal{O}(\\log n)$ Inference in S\\~ao Paulo"))
        .isEqualTo("Sparse Routing for O(\\log n) Inference in São Paulo")
        .doesNotContain("$");
    assertThat(TexText.plain("A \\$5 model")).isEqualTo("A $5 model");
  }
}
