package io.github.dgxspark.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import com.fasterxml.jackson.databind.node.ObjectNode;
import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.DgxSparkException;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NodeSpec;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The ten built-in profiles; expected figures are the published ones each profile's sources name.
 */
class HardwareProfilesTest {

  @Test
  void names_equalTheDataFiles() throws IOException {
    Path dir = Path.of(System.getProperty("dgxspark.data.dir", "../data"), "hardware-profiles");
    try (Stream<Path> files = Files.list(dir)) {
      List<String> onDisk =
          files
              .map(p -> p.getFileName().toString().replaceFirst("\\.json$", ""))
              .sorted()
              .collect(Collectors.toList());
      assertEquals(HardwareProfiles.names().stream().sorted().collect(Collectors.toList()), onDisk);
    }
    assertEquals(
        List.of(
            "dgx-1",
            "dgx-2",
            "dgx-a100",
            "dgx-a100-640",
            "dgx-h100",
            "dgx-h200",
            "dgx-b200",
            "dgx-gb200",
            "dgx-spark",
            "dgx-station"),
        HardwareProfiles.names());
  }

  @Test
  void all_loadAndValidate() {
    List<HardwareProfile> all = HardwareProfiles.all();
    assertEquals(10, all.size());
    for (HardwareProfile p : all) {
      NodeSpec n = p.node();
      String at = p.name();
      assertTrue(n.logicalCores() > 0 && n.physicalCores() > 0, at);
      assertTrue(n.memoryBytes() > 0, at);
      assertTrue(n.gpuCount() > 0, at);
      for (GpuSpec g : n.gpus()) {
        assertTrue(g.memoryBytes() > 0, at);
        assertFalse(g.computeCapability().isEmpty(), at);
      }
      for (String key : HardwareProfile.SOURCE_KEYS) {
        assertFalse(p.sources().get(key).isBlank(), at + " " + key);
      }
      assertTrue(p.interconnectBytesPerSecond() > 0, at);
      assertFalse(p.title().isBlank(), at);
      assertEquals("profile:" + at, p.report().origin());
    }
  }

  @Test
  void named_dgxA100Variants_matchTheIssue() {
    NodeSpec a100 = HardwareProfiles.named("dgx-a100").node();
    assertEquals(8, a100.gpuCount());
    assertEquals("NVIDIA A100-SXM4-40GB", a100.gpus().get(0).name());
    assertEquals(ByteSizes.TIB, a100.memoryBytes());
    NodeSpec a640 = HardwareProfiles.named("dgx-a100-640").node();
    assertEquals(8, a640.gpuCount());
    assertEquals(81920 * ByteSizes.MIB, a640.gpus().get(0).memoryBytes());
    assertEquals(2 * ByteSizes.TIB, a640.memoryBytes());
    assertEquals(600_000_000_000L, a640.nvlinkBytesPerSecond());
  }

  @Test
  void named_dgxH100_hasNdrFabricAndNvlink4() {
    HardwareProfile p = HardwareProfiles.named(" DGX-H100 ");
    assertEquals(8, p.node().gpuCount());
    assertEquals(81559 * ByteSizes.MIB, p.node().minGpuMemoryBytes());
    assertEquals(224, p.node().logicalCores());
    assertEquals(112, p.node().physicalCores());
    // 8 x 400 Gb/s NDR = 3.2 Tb/s = 400 GB/s; storage ports are Ethernet and not counted
    assertEquals(400_000_000_000L, p.interconnectBytesPerSecond());
    assertEquals(400_000_000_000L, p.node().networkBytesPerSecond());
    assertEquals(900_000_000_000L, p.node().nvlinkBytesPerSecond());
    assertEquals(700.0, p.gpuPowerWatts());
  }

  @Test
  void named_dgxGb200_isOneTrayOfFourGpusAndTwoGrace() {
    NodeSpec n = HardwareProfiles.named("dgx-gb200").node();
    assertEquals(4, n.gpuCount());
    assertEquals(2, n.sockets());
    assertEquals(144, n.logicalCores());
    assertEquals(144, n.physicalCores());
  }

  @Test
  void named_dgxSpark_isUnifiedGb10() {
    NodeSpec n = HardwareProfiles.named("dgx-spark").node();
    assertTrue(n.unifiedMemory());
    assertEquals(1, n.gpuCount());
    assertEquals("NVIDIA GB10", n.gpus().get(0).name());
    assertEquals(n.memoryBytes(), n.gpus().get(0).memoryBytes());
    assertEquals(125_513_720L * ByteSizes.KIB, n.memoryBytes());
    assertEquals(20, n.logicalCores());
  }

  @Test
  void named_dgxStation_isGb300() {
    NodeSpec n = HardwareProfiles.named("dgx-station").node();
    assertEquals("NVIDIA GB300", n.gpus().get(0).name());
    assertEquals("10.3", n.gpus().get(0).computeCapability());
    assertFalse(n.unifiedMemory());
  }

  @Test
  void named_unknown_listsKnownNames() {
    HardwareException e =
        assertThrows(HardwareException.class, () -> HardwareProfiles.named("dgx-9000"));
    assertTrue(e.getMessage().contains("dgx-9000"), e.getMessage());
    for (String n : HardwareProfiles.names()) {
      assertTrue(e.getMessage().contains(n), e.getMessage());
    }
  }

  @Test
  void cluster_fourH100_usesProfileFabric() {
    ClusterSpec c = HardwareProfiles.cluster("dgx-h100", 4, ClusterManager.STANDALONE);
    assertEquals(4, c.nodeCount());
    assertEquals(32, c.totalGpus());
    assertEquals(400_000_000_000L, c.interconnectBytesPerSecond());
    assertEquals(ClusterManager.STANDALONE, c.manager());
    assertThrows(
        DgxSparkException.class,
        () -> HardwareProfiles.cluster("dgx-h100", 2, ClusterManager.LOCAL));
  }

  @Test
  void parse_missingSource_failsNamingFileAndKey() throws IOException {
    ObjectMapper m = new ObjectMapper();
    ObjectNode tree;
    try (var in =
        HardwareProfiles.class.getResourceAsStream(
            "/io/github/dgxspark/data/hardware-profiles/dgx-h100.json")) {
      tree = (ObjectNode) m.readTree(in);
    }
    ((ObjectNode) tree.get("source")).remove("power");
    HardwareException e =
        assertThrows(HardwareException.class, () -> HardwareProfiles.parse("dgx-h100.json", tree));
    assertTrue(e.getMessage().contains("power"), e.getMessage());
    ((ObjectNode) tree.get("gpu")).put("name", "NVIDIA X999");
    HardwareException gpu =
        assertThrows(HardwareException.class, () -> HardwareProfiles.parse("dgx-h100.json", tree));
    assertTrue(gpu.getMessage().contains("dgx-h100.json"), gpu.getMessage());
    assertTrue(gpu.getMessage().contains("X999"), gpu.getMessage());
  }
}
