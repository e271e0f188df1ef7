/**
 * A reader's library brought from elsewhere: BibTeX, RIS, CSL-JSON and id lists read into entries,
 * matched to the catalog and saved, the entries that match nothing listed (and fetched from arXiv
 * when they carry an arXiv id), "papers by me" and the first-minute picks.
 */
package dev.paperboy.library;
