package dev.paperboy.catalog;

import java.util.List;
import java.util.Objects;

/** One author of a paper, in the order the paper lists them, with affiliations when known. */
public record Author(String name, List<String> affiliations) {

  public Author {
    name = Text.clean(Objects.requireNonNull(name, "name == null"));
    affiliations = affiliations == null ? List.of() : List.copyOf(Text.clean(affiliations));
  }

  public static Author named(String name) {
    return new Author(name, List.of());
  }
}
