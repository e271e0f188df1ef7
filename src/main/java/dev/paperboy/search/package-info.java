/** Finding papers: the Lucene index (derived from the catalog), query syntax and ranking. */
package dev.paperboy.search;
