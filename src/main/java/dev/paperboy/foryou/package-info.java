/** For you: each reader's ranking of new papers, learned from what they save, vote and dismiss. */
package dev.paperboy.foryou;
