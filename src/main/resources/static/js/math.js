// Renders the LaTeX in titles and abstracts with the self-hosted KaTeX; without script the
// LaTeX source stays readable as written.
document.addEventListener("DOMContentLoaded", function () {
  if (typeof renderMathInElement !== "function") {
    return;
  }
  document.querySelectorAll(".math").forEach(function (element) {
    renderMathInElement(element, {
      delimiters: [
        { left: "$$", right: "$$", display: true },
        { left: "\\[", right: "\\]", display: true },
        { left: "$", right: "$", display: false },
        { left: "\\(", right: "\\)", display: false }
      ],
      // An abstract is anyone's text: a formula cannot draw a box wider than 10em (\rule{1e6em}),
      // expand macros more than 100 times (\def\x{\x\x}\x), or reach outside (\href, \url).
      maxSize: 10,
      maxExpand: 100,
      trust: false,
      throwOnError: false
    });
  });
});
