/** For you: what each reader tells us about papers, and the ranking learned from it. */
package dev.paperboy.foryou;
