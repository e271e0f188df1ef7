/** What is trending: the one formula that ranks papers by their signals and their age. */
package dev.paperboy.trending;
