package dev.paperboy.catalog;

import java.util.List;
import tools.jackson.core.type.TypeReference;
import tools.jackson.databind.json.JsonMapper;

/** Authors are one ordered JSON array per paper: order matters and nobody queries them apart. */
final class AuthorsJson {

  private static final JsonMapper JSON = JsonMapper.builder().build();
  private static final TypeReference<List<Author>> LIST = new TypeReference<>() {};

  private AuthorsJson() {}

  static String write(List<Author> authors) {
    return JSON.writeValueAsString(authors);
  }

  static List<Author> read(String json) {
    return JSON.readValue(json, LIST);
  }
}
