package io.github.dgxspark.core;

import com.fasterxml.jackson.core.JsonFactory;
import com.fasterxml.jackson.core.JsonParser;
import com.fasterxml.jackson.databind.DeserializationFeature;
import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.io.InputStream;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.concurrent.ConcurrentHashMap;

/**
 * The one reader of the project's data files ({@code data/}, documented in {@code data/README.md}).
 * Every module's build packages its files under the class-path folder {@code
 * io/github/dgxspark/data/} with the same relative path as in {@code data/}, and every module reads
 * them here, parsed once with one mapper configuration (duplicate keys are errors).
 *
 * <pre>{@code
 * JsonNode catalog = DataFiles.read("rules/catalog.json");
 * double kwh = DataFiles.number("models/cloud-prices.json", catalog.path("electricity"), "usdPerKwh");
 * }</pre>
 */
public final class DataFiles {
  /** The class-path folder that mirrors {@code data/}. */
  static final String ROOT = "/io/github/dgxspark/data/";

  /**
   * Built with the Jackson 2.6 API, not {@code JsonMapper.builder()} (2.10): core also runs inside
   * Spark 2.4 drivers, whose class path holds Jackson 2.6.7 (SparkSemanticsIT runs it there).
   */
  private static final ObjectMapper MAPPER =
      new ObjectMapper(new JsonFactory().enable(JsonParser.Feature.STRICT_DUPLICATE_DETECTION))
          .enable(DeserializationFeature.FAIL_ON_READING_DUP_TREE_KEY)
          .enable(DeserializationFeature.FAIL_ON_NULL_FOR_PRIMITIVES);

  private static final Map<String, JsonNode> CACHE = new ConcurrentHashMap<>();

  private DataFiles() {}

  /**
   * One data file's tree, read once. Callers must not change it.
   *
   * @param path the path inside {@code data/}, e.g. {@code models/workload-priors.json}
   * @return its root
   * @throws DgxSparkException naming the file if it is not packaged or is not valid JSON
   */
  public static JsonNode read(String path) {
    Objects.requireNonNull(path, "path");
    return CACHE.computeIfAbsent(path, DataFiles::load);
  }

  private static JsonNode load(String path) {
    try (InputStream in = DataFiles.class.getResourceAsStream(ROOT + path)) {
      if (in == null) {
        throw new DgxSparkException(
            String.format(
                Locale.ROOT,
                "data file data/%s is not on the class path; expected it packaged at %s%s",
                path,
                ROOT,
                path));
      }
      return MAPPER.readTree(in);
    } catch (IOException e) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT, "data file data/%s is not valid JSON: %s", path, e.getMessage()),
          e);
    }
  }

  /**
   * A JSON file outside the class path (an input the caller names, such as the benchmarks harness's
   * {@code --mistakes-file}), read with the data files' mapper configuration (duplicate keys are
   * errors, a {@code null} for a primitive field is an error) and bound to a type. Not cached.
   *
   * @param file the file
   * @param type the type of its root (a record whose components are the file's fields)
   * @param <T> that type
   * @return the bound value
   * @throws DgxSparkException naming the file if it cannot be read or is not of that shape
   */
  public static <T> T readFile(Path file, Class<T> type) {
    Objects.requireNonNull(file, "file");
    Objects.requireNonNull(type, "type");
    try {
      return MAPPER.readValue(Files.readAllBytes(file), type);
    } catch (IOException e) {
      throw new DgxSparkException(
          String.format(
              Locale.ROOT,
              "cannot read %s: %s",
              file,
              String.valueOf(e.getMessage()).lines().findFirst().orElse("")),
          e);
    }
  }

  /**
   * A required non-blank text field of an entry.
   *
   * @param path the file's path inside {@code data/}, for the message
   * @param entry the entry
   * @param field the field name
   * @return its text
   * @throws DgxSparkException naming the file, entry and field if it is missing or not a text
   */
  public static String text(String path, JsonNode entry, String field) {
    JsonNode v = entry.get(field);
    if (v == null || !v.isTextual() || v.asText().isBlank()) {
      throw missing(path, entry, field, "a non-empty text");
    }
    return v.asText();
  }

  /**
   * A required number field of an entry.
   *
   * @param path the file's path inside {@code data/}, for the message
   * @param entry the entry
   * @param field the field name
   * @return its value
   * @throws DgxSparkException naming the file, entry and field if it is missing or not a number
   */
  public static double number(String path, JsonNode entry, String field) {
    JsonNode v = entry.get(field);
    if (v == null || !v.isNumber()) {
      throw missing(path, entry, field, "a number");
    }
    return v.asDouble();
  }

  private static DgxSparkException missing(
      String path, JsonNode entry, String field, String expected) {
    String s = entry.toString();
    return new DgxSparkException(
        String.format(
            Locale.ROOT,
            "data file data/%s entry %s lacks the field '%s'; expected %s",
            path,
            s.length() > 80 ? s.substring(0, 77) + "..." : s,
            field,
            expected));
  }
}
