/** The command line: {@code serve}, {@code import}, {@code reindex}, in one jar. */
package dev.paperboy.cli;
