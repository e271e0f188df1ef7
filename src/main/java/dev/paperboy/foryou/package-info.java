/**
 * For you: what each reader tells us about papers (feedback, personal API tokens), and each
 * reader's ranking of new papers learned from what they save, vote and dismiss.
 */
package dev.paperboy.foryou;
