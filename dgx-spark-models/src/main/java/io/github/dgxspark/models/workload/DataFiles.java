package io.github.dgxspark.models.workload;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dgxspark.models.ModelsException;
import java.io.IOException;
import java.io.InputStream;
import java.util.Locale;

/** Reads this package's data files from the classpath, where the build packages {@code data/}. */
final class DataFiles {
  /** Classpath folder of the files from {@code data/models/}. */
  static final String FOLDER = "/io/github/dgxspark/models/models/";

  private static final ObjectMapper MAPPER = new ObjectMapper();

  private DataFiles() {}

  /**
   * Reads one JSON data file.
   *
   * @param name the file name in {@code data/models/}, e.g. {@code workload-corpus.json}
   * @return its root node
   * @throws ModelsException if the file is missing or is not JSON
   */
  static JsonNode read(String name) {
    String path = FOLDER + name;
    try (InputStream in = DataFiles.class.getResourceAsStream(path)) {
      if (in == null) {
        throw new ModelsException(
            String.format(
                Locale.ROOT,
                "data file '%s' is not on the classpath; expected it packaged from data/models/%s",
                path,
                name));
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new ModelsException(
          String.format(Locale.ROOT, "data file '%s' is not valid JSON: %s", path, e.getMessage()),
          e);
    }
  }

  /**
   * A required text field of a data-file entry.
   *
   * @param file the file name, for the message
   * @param entry the entry
   * @param field the field name
   * @return its text
   * @throws ModelsException if the field is missing or not a text
   */
  static String text(String file, JsonNode entry, String field) {
    JsonNode v = entry.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "data file '%s' entry %s lacks the text field '%s'; expected a non-empty text",
              file,
              abbreviate(entry),
              field));
    }
    return v.asText();
  }

  /**
   * A required number field of a data-file entry.
   *
   * @param file the file name, for the message
   * @param entry the entry
   * @param field the field name
   * @return its value
   * @throws ModelsException if the field is missing or not a number
   */
  static double number(String file, JsonNode entry, String field) {
    JsonNode v = entry.get(field);
    if (v == null || !v.isNumber()) {
      throw new ModelsException(
          String.format(
              Locale.ROOT,
              "data file '%s' entry %s lacks the number field '%s'; expected a number",
              file,
              abbreviate(entry),
              field));
    }
    return v.asDouble();
  }

  private static String abbreviate(JsonNode entry) {
    String s = entry.toString();
    return s.length() > 80 ? s.substring(0, 77) + "..." : s;
  }
}
