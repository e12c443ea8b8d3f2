package io.github.dgxspark.hardware;

import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.Test;

/**
 * The library example of the root README, compiled here: its imports and lines are this file's, so
 * a renamed class or method breaks the build instead of the README.
 */
class ReadmeExampleTest {
  @Test
  void readmeExample_compilesRunsAndIsWordForWordInTheReadme() throws IOException {
    // README:begin
    OptimizationResult r =
        SparkConfigOptimizer.optimize(
            HardwareProfiles.cluster("dgx-h100", 4, ClusterManager.STANDALONE),
            WorkloadSpec.of(WorkloadType.ETL, 2 * ByteSizes.TIB, ExecutionMode.GPU));
    String conf = r.config().toDefaultsConf(r.reasons());
    // README:end
    assertTrue(conf.contains("spark.plugins com.nvidia.spark.SQLPlugin"), conf);

    String readme = Files.readString(Path.of("../README.md"));
    String self =
        Files.readString(
            Path.of("src/test/java/io/github/dgxspark/hardware/ReadmeExampleTest.java"));
    List<String> lines =
        self.substring(self.indexOf("// README:begin"), self.indexOf("// README:end"))
            .lines()
            .skip(1)
            .map(String::strip)
            .toList();
    List<String> imports =
        self.lines().filter(l -> l.startsWith("import io.github.dgxspark.")).toList();
    String flat = readme.replaceAll("\\s+", " ");
    assertTrue(
        flat.contains(String.join(" ", lines)),
        "README lacks the example: " + String.join(" ", lines));
    for (String i : imports) {
      assertTrue(readme.contains(i), "README lacks " + i);
    }
  }
}
