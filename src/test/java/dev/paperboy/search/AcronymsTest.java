package dev.paperboy.search;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.api.Test;

class AcronymsTest {

  @Test
  void aParenthesisedAcronymLearnsTheWordsBeforeIt() {
    assertThat(
            Acronyms.definitions(
                "We pair a retriever with a generator, an approach we call retrieval-augmented"
                    + " generation (RAG), and show gains."))
        .containsEntry("RAG", "retrieval augmented generation");
    assertThat(Acronyms.definitions("graph neural networks (GNNs) on molecules"))
        .containsEntry("GNN", "graph neural networks");
    assertThat(Acronyms.definitions("reinforcement learning from human feedback (RLHF)"))
        .containsEntry("RLHF", "reinforcement learning from human feedback");
  }

  @Test
  void parenthesesThatAreNoAcronymTeachNothing() {
    assertThat(Acronyms.definitions("results on ImageNet (ResNet) improve")).isEmpty();
    assertThat(Acronyms.definitions("a model (see Appendix A)")).isEmpty();
    assertThat(Acronyms.definitions("(RAG) at the start")).isEmpty();
  }
}
