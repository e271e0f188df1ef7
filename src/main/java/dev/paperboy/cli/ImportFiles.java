package dev.paperboy.cli;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.stream.Stream;

/**
 * What {@code import} reads, from its arguments: files as named, {@code -} for standard input, and
 * for a directory every regular file directly in it, in name order. Hidden files and subdirectories
 * are skipped: a directory of downloads should not pull in {@code .DS_Store} or a nested archive by
 * surprise.
 */
final class ImportFiles {

  /** The arguments name nothing that can be imported; the message says why. */
  static final class Refused extends Exception {
    Refused(String message) {
      super(message);
    }
  }

  private ImportFiles() {}

  static List<String> expand(List<String> args) throws Refused {
    if (args.isEmpty()) {
      throw new Refused("name at least one file or directory, or - for standard input");
    }
    List<String> files = new ArrayList<>();
    for (String arg : args) {
      if (arg.startsWith("--")) {
        throw new Refused(
            "unknown option " + arg + " (known: " + ImportCommand.NO_EMBEDDINGS + ")");
      }
      files.addAll(expand(arg));
    }
    return files;
  }

  private static List<String> expand(String arg) throws Refused {
    if (arg.equals("-")) {
      return List.of(arg);
    }
    Path path = Path.of(arg);
    if (!Files.exists(path)) {
      throw new Refused("cannot read " + arg + ": no such file or directory");
    }
    if (!Files.isReadable(path)) {
      throw new Refused("cannot read " + arg + ": permission denied");
    }
    return Files.isDirectory(path) ? inDirectory(path) : List.of(arg);
  }

  private static List<String> inDirectory(Path dir) throws Refused {
    List<String> files;
    try (Stream<Path> entries = Files.list(dir)) {
      files =
          entries
              .filter(p -> !p.getFileName().toString().startsWith("."))
              .filter(Files::isRegularFile)
              .map(p -> p.getFileName().toString())
              .sorted()
              .map(name -> dir.resolve(name).toString())
              .toList();
    } catch (IOException e) {
      throw new Refused("cannot list the directory " + dir + ": " + e.getMessage());
    }
    if (files.isEmpty()) {
      throw new Refused(
          "the directory "
              + dir
              + " has no files to import (hidden files and subdirectories are skipped)");
    }
    return files;
  }
}
