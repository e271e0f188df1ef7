package dev.paperboy.digest;

import static org.assertj.core.api.Assertions.assertThat;

import org.junit.jupiter.params.ParameterizedTest;
import org.junit.jupiter.params.provider.CsvSource;

/** LaTeX in abstracts as mail shows it: sentences of the kind arXiv abstracts carry. */
class MathTextTest {

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      quoteCharacter = '"',
      textBlock =
          """
          We sort in $O(n^2)$ time.                                  | We sort in O(n²) time.
          We study the $\\alpha$-divergence family.                  | We study the α-divergence family.
          Points in $\\mathbb{R}^d$ with $d \\geq 3$.                | Points in ℝᵈ with d ≥ 3.
          When $k \\ll n$ the bound is tight.                        | When k ≪ n the bound is tight.
          A learning rate of $10^{-3}$ works best.                   | A learning rate of 10⁻³ works best.
          It is $\\times 2.5$ faster than FlashAttention.            | It is × 2.5 faster than FlashAttention.
          The loss $\\frac{a}{b}$ stays as written.                  | The loss $\\frac{a}{b}$ stays as written.
          Attention costs $\\mathcal{O}(L^2 \\cdot d)$ memory.       | Attention costs 𝒪(L² · d) memory.
          Tokens $x_i$ and $x_{10}$ and $W^T$.                       | Tokens xᵢ and x₁₀ and Wᵀ.
          A $2^{\\aleph}$ power stays whole.                         | A $2^{\\aleph}$ power stays whole.
          Scores $s_{\\text{max}}$ and $p_{\\theta+1}$.              | Scores sₘₐₓ and p_{θ+1}.
          Error $\\epsilon \\approx 0.1 \\pm 0.02$ as $n \\to \\infty$. | Error ε ≈ 0.1 ± 0.02 as n → ∞.
          Prices from $5 to $10 stay text.                           | Prices from $5 to $10 stay text.
          Inline \\(\\Omega(\\sqrt{n})\\) lower bound.               | Inline Ω(√n) lower bound.
          Over $\\ell_2$ with $\\nabla_\\theta \\mathcal{L}$.        | Over ℓ₂ with ∇_θ ℒ.
          A model with $7\\mathrm{B}$ parameters and $\\sqrt{d_k}$.  | A model with 7B parameters and √(dₖ).
          Unclosed $x^2 and \\% remain.                              | Unclosed $x^2 and \\% remain.
          Sets $\\{x \\in \\mathbb{Z} : x \\neq 0\\}$.               | Sets {x ∈ ℤ : x ≠ 0}.
          """)
  void readsCommonMathAsUnicodeAndKeepsTheRest(String tex, String expected) {
    assertThat(MathText.plain(tex)).isEqualTo(expected);
  }

  @ParameterizedTest(name = "{0}")
  @CsvSource(
      delimiter = '|',
      textBlock =
          """
          x^{n+1}            | xⁿ⁺¹
          \\sum_{i=1}^n x_i  | ∑ᵢ₌₁ⁿ xᵢ
          x^{\\top} y        | xᵀ y
          f'(x)              | f′(x)
          a}b                |
          x^                 |
          """)
  void convertsAFormulaOrRefusesIt(String tex, String expected) {
    assertThat(MathText.formula(tex)).isEqualTo(expected);
  }
}
