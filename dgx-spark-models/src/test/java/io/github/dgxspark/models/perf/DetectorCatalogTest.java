package io.github.dgxspark.models.perf;

import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.JsonNode;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.core.DataFiles;
import io.github.dgxspark.models.ModelsException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.EnumMap;
import java.util.HashSet;
import java.util.List;
import java.util.Map;
import java.util.Set;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The detector meta-test, like the rule catalog's: every detector in {@code
 * data/models/bottleneck-detectors.json} has its class in the detector table and every class its
 * entry, one per bottleneck kind, and every threshold and parameter has a public source. It lists
 * every violation before failing.
 */
class DetectorCatalogTest {
  private static final Path SOURCES = Path.of("src/main/java/io/github/dgxspark/models/perf");

  @Test
  void catalog_againstDetectorClasses_hasNoViolation() throws IOException {
    DetectorCatalog catalog = DetectorCatalog.builtIn();
    List<String> violations = new ArrayList<>();
    Map<BottleneckKind, Detector> table = new EnumMap<>(BottleneckKind.class);
    for (Detector d : BottleneckDetector.DETECTORS) {
      if (table.put(d.kind(), d) != null) {
        violations.add(d.kind().id() + ": two classes in the detector table");
      }
    }
    for (BottleneckKind kind : BottleneckKind.values()) {
      DetectorSpec spec = catalog.specs.get(kind);
      Detector d = table.get(kind);
      if (spec == null) {
        violations.add(kind.id() + ": no entry in " + DetectorCatalog.PATH);
      }
      if (d == null) {
        violations.add(kind.id() + ": no class in the detector table");
      }
      if (spec != null && d != null && !spec.className().equals(d.getClass().getSimpleName())) {
        violations.add(
            kind.id()
                + ": entry names "
                + spec.className()
                + ", the table has "
                + d.getClass().getSimpleName());
      }
      if (spec != null) {
        sources(spec, violations);
      }
    }
    // every detector class written in the package is in the table (no class left unregistered)
    Set<String> registered = new HashSet<>();
    BottleneckDetector.DETECTORS.forEach(d -> registered.add(d.getClass().getSimpleName()));
    try (Stream<Path> files = Files.list(SOURCES)) {
      files
          .map(p -> p.getFileName().toString().replace(".java", ""))
          .filter(
              n ->
                  n.endsWith("Detector")
                      && !n.equals("BottleneckDetector")
                      && !n.equals("Detector"))
          .filter(n -> !registered.contains(n))
          .forEach(n -> violations.add(n + ": a detector class not in the table"));
    }
    assertTrue(
        violations.isEmpty(),
        () -> violations.size() + " violations:\n" + String.join("\n", violations));
  }

  /** Every threshold and parameter cited, by a public source or a marked estimate. */
  private static void sources(DetectorSpec spec, List<String> violations) {
    String id = spec.kind().id();
    Set<String> cited = new HashSet<>(spec.source().keySet());
    if (spec.thresholds().isPresent() && !cited.remove("thresholds")) {
      violations.add(id + ": thresholds without a source");
    }
    if (spec.thresholds().isEmpty() && !cited.remove("rule")) {
      violations.add(id + ": no thresholds and no source for its rule");
    }
    for (String p : spec.parameters().keySet()) {
      if (!cited.remove(p)) {
        violations.add(id + ": parameter " + p + " without a source");
      }
    }
    cited.forEach(c -> violations.add(id + ": source '" + c + "' cites nothing of the entry"));
    spec.source()
        .forEach(
            (k, v) -> {
              if (!v.contains("http") && !v.contains("commit") && !v.startsWith("[est]")) {
                violations.add(id + ": source '" + k + "' is neither public nor [est]: " + v);
              }
            });
  }

  @Test
  void parse_unknownKindOrDescendingThresholds_namesFileEntryAndWhatIsAccepted() {
    ObjectNode root = DataFiles.read(DetectorCatalog.PATH).deepCopy();
    ObjectNode first = (ObjectNode) root.path("detectors").get(0);
    first.put("kind", "slowness");
    ModelsException e = assertThrows(ModelsException.class, () -> DetectorCatalog.parse(root));
    assertTrue(
        e.getMessage().contains("data/models/bottleneck-detectors.json")
            && e.getMessage().contains("'slowness'")
            && e.getMessage().contains("expected one of gc, task-skew, spill"),
        e.getMessage());

    ObjectNode descending = DataFiles.read(DetectorCatalog.PATH).deepCopy();
    JsonNode gc = descending.path("detectors").get(0);
    ((ObjectNode) gc.path("thresholds")).put("critical", 0.01);
    ModelsException d =
        assertThrows(ModelsException.class, () -> DetectorCatalog.parse(descending));
    assertTrue(
        d.getMessage().contains("'gc'") && d.getMessage().contains("ascending"), d.getMessage());
  }
}
