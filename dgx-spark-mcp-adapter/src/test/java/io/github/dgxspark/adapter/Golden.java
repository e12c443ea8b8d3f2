package io.github.dgxspark.adapter;

import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ArrayNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;

/**
 * Pinned outputs of the golden tests ({@code src/test/resources/golden}): read, or with {@code
 * -Ddgxspark.golden.update=true} written, with the paths of this machine and the time of the run
 * taken out so that the files hold only what the inputs decide.
 */
public final class Golden {
  private static final Path DIR = Path.of("src/test/resources/golden");

  /** Fields whose value is the time of the run. */
  private static final String RECORDED_AT = "recordedAt";

  private Golden() {}

  /**
   * An input file of the golden tests.
   *
   * @param name its file name
   * @return its path
   */
  public static Path input(String name) {
    return DIR.resolve("input").resolve(name).toAbsolutePath();
  }

  /**
   * Output with the fixtures folder as {@code <fixtures>} and the temporary folder as {@code
   * <tmp>}.
   *
   * @param out the output
   * @param tmp the test's temporary folder
   * @return the output as pinned
   */
  public static String normalize(String out, Path tmp) {
    return out.replace(input("").toString(), "<input>/")
        .replace("<input>//", "<input>/")
        .replace(Fixtures.dir().toString(), "<fixtures>")
        .replace(tmp.toString(), "<tmp>");
  }

  /**
   * JSON text as a tree without the fields that hold the time of the run.
   *
   * @param text the JSON
   * @return the tree
   */
  public static JsonNode json(String text) {
    try {
      JsonNode tree = Json.MAPPER.readTree(text);
      strip(tree);
      return tree;
    } catch (IOException e) {
      throw new AssertionError("not JSON: " + text, e);
    }
  }

  private static void strip(JsonNode node) {
    if (node instanceof ObjectNode o) {
      o.remove(RECORDED_AT);
      o.forEach(Golden::strip);
    } else if (node instanceof ArrayNode a) {
      a.forEach(Golden::strip);
    }
  }

  /**
   * The pinned output of a case; with {@code -Ddgxspark.golden.update=true} the actual output is
   * pinned first.
   *
   * @param kind {@code cli} or {@code mcp}
   * @param name the case
   * @param actual the output now
   * @return the pinned output
   */
  public static String pinned(String kind, String name, String actual) {
    Path file = DIR.resolve(kind).resolve(name);
    try {
      if (Boolean.getBoolean("dgxspark.golden.update")) {
        Files.createDirectories(file.getParent());
        Files.writeString(
            file,
            name.endsWith(".json") ? Json.pretty(json(actual)) + "\n" : actual,
            StandardCharsets.UTF_8);
      }
      assertTrue(
          Files.exists(file),
          file + " is missing; run with -Ddgxspark.golden.update=true to pin the output");
      return Files.readString(file, StandardCharsets.UTF_8);
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }
}
