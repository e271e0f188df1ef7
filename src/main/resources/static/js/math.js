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
      throwOnError: false
    });
  });
});
