package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.ObjectMapper;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.FileSystems;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.PathMatcher;
import java.util.ArrayList;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/**
 * Every file in {@code data/} against its schema block in {@code data/README.md}: documented,
 * required fields present, every fact with a {@code source}, no second name for it.
 */
class DataFilesTest {
  private static final Path DATA = Path.of(System.getProperty("dgxspark.data.dir", "../data"));

  /** One schema block: the file pattern, its top-level fields, its entries' fields. */
  /**
   * A schema block. {@code provenance} names, for measured results whose shape is a public contract
   * with no room for a citation, the data file that holds the measured runs with their provenance.
   */
  private record Schema(
      String file,
      List<String> fields,
      Map<String, List<String>> entries,
      Optional<String> provenance) {}

  private static final List<Schema> schemas = new ArrayList<>();
  private static final List<String> folders = new ArrayList<>();

  private static void readme() throws IOException {
    if (!schemas.isEmpty()) {
      return;
    }
    List<String> lines = Files.readAllLines(DATA.resolve("README.md"), StandardCharsets.UTF_8);
    boolean in = false;
    String file = null;
    List<String> fields = List.of();
    Map<String, List<String>> entries = new LinkedHashMap<>();
    Optional<String> provenance = Optional.empty();
    for (String line : lines) {
      if (line.equals("```schema")) {
        in = true;
        file = null;
        fields = List.of();
        entries = new LinkedHashMap<>();
        provenance = Optional.empty();
      } else if (in && line.equals("```")) {
        in = false;
        if (file != null) {
          schemas.add(new Schema(file, fields, entries, provenance));
        }
      } else if (in && line.startsWith("file: ")) {
        file = line.substring(6).trim();
      } else if (in && line.startsWith("folder: ")) {
        folders.add(line.substring(8).trim());
      } else if (in && line.startsWith("provenance: ")) {
        provenance = Optional.of(line.substring(12).trim());
      } else if (in && line.startsWith("fields: ")) {
        fields = names(line.substring(8));
      } else if (in && line.startsWith("entries: ")) {
        String rest = line.substring(9);
        int colon = rest.indexOf(':');
        entries.put(rest.substring(0, colon).trim(), names(rest.substring(colon + 1)));
      } else if (in) {
        throw new AssertionError("data/README.md: unknown line in a schema block: " + line);
      }
    }
  }

  private static List<String> names(String list) {
    return Stream.of(list.split(",")).map(String::trim).collect(Collectors.toList());
  }

  private static List<Path> dataFiles() throws IOException {
    try (Stream<Path> s = Files.walk(DATA)) {
      return s.filter(Files::isRegularFile)
          .filter(p -> !p.equals(DATA.resolve("README.md")))
          .sorted()
          .collect(Collectors.toList());
    }
  }

  private static String relative(Path p) {
    return DATA.relativize(p).toString().replace('\\', '/');
  }

  private static List<Schema> schemasOf(String rel) {
    List<Schema> out = new ArrayList<>();
    for (Schema s : schemas) {
      PathMatcher m = FileSystems.getDefault().getPathMatcher("glob:" + s.file());
      if (m.matches(Path.of(rel))) {
        out.add(s);
      }
    }
    return out;
  }

  @Test
  void everyFile_isDocumentedOnce() throws IOException {
    readme();
    List<String> undocumented = new ArrayList<>();
    for (Path p : dataFiles()) {
      String rel = relative(p);
      boolean inFolder = folders.stream().anyMatch(f -> rel.startsWith(f + "/"));
      int n = schemasOf(rel).size();
      if (inFolder ? n != 0 : n != 1) {
        undocumented.add(rel + " (" + n + " schema blocks)");
      }
    }
    assertEquals(
        List.of(), undocumented, "data files without exactly one schema in data/README.md");
    for (Schema s : schemas) {
      assertTrue(
          dataFiles().stream().map(DataFilesTest::relative).anyMatch(r -> schemasOf(r).contains(s)),
          "data/README.md documents " + s.file() + ", which matches no file");
    }
  }

  @Test
  void everyJsonFile_conformsToItsSchema_andCitesItsFacts() throws IOException {
    readme();
    ObjectMapper json = new ObjectMapper();
    List<String> problems = new ArrayList<>();
    int checked = 0;
    for (Path p : dataFiles()) {
      String rel = relative(p);
      for (Schema s : schemasOf(rel)) {
        checked++;
        JsonNode root = json.readTree(p.toFile());
        for (String f : s.fields()) {
          if (!root.has(f)) {
            problems.add(rel + ": lacks the field '" + f + "'");
          }
        }
        boolean entriesCited = !s.entries().isEmpty();
        for (Map.Entry<String, List<String>> e : s.entries().entrySet()) {
          entriesCited &= e.getValue().contains("source");
          JsonNode node = root.path(e.getKey());
          List<JsonNode> items = new ArrayList<>();
          if (node.isArray()) {
            node.forEach(items::add);
          } else {
            items.add(node);
          }
          if (items.isEmpty() || node.isMissingNode()) {
            problems.add(rel + ": '" + e.getKey() + "' is missing or empty");
          }
          for (int i = 0; i < items.size(); i++) {
            for (String f : e.getValue()) {
              if (!items.get(i).has(f)) {
                problems.add(rel + ": " + e.getKey() + "[" + i + "] lacks '" + f + "'");
              }
            }
          }
        }
        if (s.provenance().isPresent()) {
          if (!Files.isRegularFile(DATA.resolve(s.provenance().get()))) {
            problems.add(rel + ": its provenance file " + s.provenance().get() + " is missing");
          }
        } else if (!root.has("source") && !entriesCited) {
          problems.add(rel + ": neither a top-level 'source' nor a 'source' in every entry");
        }
        root.findParents("sources")
            .forEach(n -> problems.add(rel + ": 'sources' where the name is 'source'"));
      }
    }
    assertTrue(checked >= 18, "only " + checked + " files checked");
    assertEquals(List.of(), problems);
  }

  @Test
  void read_parsesOncePerPath_andNamesAMissingFile() {
    assertTrue(DataFiles.read("dgx-systems.json") == DataFiles.read("dgx-systems.json"));
    DgxSparkException e =
        assertThrows(DgxSparkException.class, () -> DataFiles.read("models/none.json"));
    assertTrue(e.getMessage().contains("data/models/none.json"), e.getMessage());
    JsonNode gpus = DataFiles.read("dgx-systems.json").path("gpus").get(0);
    DgxSparkException f =
        assertThrows(DgxSparkException.class, () -> DataFiles.text("dgx-systems.json", gpus, "x"));
    assertTrue(f.getMessage().contains("'x'") && f.getMessage().contains("dgx-systems"));
  }

  /** The shape readFile binds: one text and one primitive. */
  record Sample(String name, int count) {}

  @Test
  void readFile_bindsARecord_andRefusesDuplicateKeysNullPrimitivesAndMissingFiles(@TempDir Path dir)
      throws IOException {
    Path ok = Files.writeString(dir.resolve("ok.json"), "{\"name\": \"a\", \"count\": 3}");
    assertEquals(new Sample("a", 3), DataFiles.readFile(ok, Sample.class));
    Path twice = Files.writeString(dir.resolve("twice.json"), "{\"name\": \"a\", \"name\": \"b\"}");
    DgxSparkException e =
        assertThrows(DgxSparkException.class, () -> DataFiles.readFile(twice, Sample.class));
    assertTrue(e.getMessage().startsWith("cannot read " + twice + ": "), e.getMessage());
    assertTrue(e.getMessage().contains("name"), e.getMessage());
    Path nullCount =
        Files.writeString(dir.resolve("null.json"), "{\"name\": \"a\", \"count\": null}");
    assertThrows(DgxSparkException.class, () -> DataFiles.readFile(nullCount, Sample.class));
    Path missing = dir.resolve("missing.json");
    e = assertThrows(DgxSparkException.class, () -> DataFiles.readFile(missing, Sample.class));
    assertTrue(e.getMessage().startsWith("cannot read " + missing), e.getMessage());
  }
}
