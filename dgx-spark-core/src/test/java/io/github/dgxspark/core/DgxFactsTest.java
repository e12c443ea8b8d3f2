package io.github.dgxspark.core;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.Optional;
import java.util.stream.Collectors;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * The one matcher of GPU names on the names {@code nvidia-smi} prints (the hardware module's real
 * captures and MLPerf system descriptions), and the DGX systems it finds.
 */
class DgxFactsTest {
  private static String model(String smiName) {
    return DgxFacts.gpu(smiName).map(DgxFacts.GpuModel::name).orElse("none");
  }

  @Test
  void gpu_matchesNvidiaSmiNames_longestWordWins() {
    assertEquals("H100", model("NVIDIA H100 80GB HBM3"));
    assertEquals("A100 80 GB", model("NVIDIA A100-SXM4-80GB"));
    assertEquals("A100 80 GB", model("NVIDIA A100 80GB PCIe"));
    assertEquals("A100 40 GB", model("NVIDIA A100-SXM4-40GB"));
    assertEquals("A100 40 GB", model("NVIDIA A100-PCIE-40GB"));
    assertEquals("V100 32 GB", model("Tesla V100-SXM2-32GB"));
    assertEquals("V100 32 GB", model("Tesla V100-SXM3-32GB"));
    assertEquals("V100 16 GB", model("Tesla V100-SXM2-16GB"));
    assertEquals("GB10", model("NVIDIA GB10"));
    assertEquals("T4", model("Tesla T4"));
    assertEquals("A10", model("NVIDIA A10"));
    assertEquals("A10G", model("NVIDIA A10G"));
    assertEquals("GB200", model("NVIDIA GB200"));
    assertEquals("B200", model("NVIDIA B200"));
    assertEquals("H200", model("nvidia h200"));
  }

  @Test
  void gpu_doesNotMatchAPrefixOrSuffixOfAnotherModel() {
    assertEquals("none", model("NVIDIA GB100"));
    assertEquals("none", model("NVIDIA L40S"));
    assertEquals("none", model("NVIDIA GH200 480GB"));
    assertEquals("none", model("NVIDIA RTX A1000"));
    assertEquals("none", model(""));
  }

  @Test
  void gpu_unifiedMemoryOnlyForGb10() {
    assertTrue(DgxFacts.gpu("NVIDIA GB10").orElseThrow().unifiedMemory());
    assertFalse(DgxFacts.gpu("NVIDIA H100 80GB HBM3").orElseThrow().unifiedMemory());
    assertEquals(
        81559 * ByteSizes.MIB, DgxFacts.gpu("NVIDIA H100 80GB HBM3").orElseThrow().memoryBytes());
  }

  private static NodeSpec node(String gpuName, int gpus) {
    List<GpuSpec> list = new ArrayList<>();
    for (int i = 0; i < gpus; i++) {
      list.add(new GpuSpec(gpuName, 80 * ByteSizes.GIB, "", 0));
    }
    return new NodeSpec("cpu", 64, 32, 2, 2, 512 * ByteSizes.GIB, list, false, 0, List.of());
  }

  @Test
  void system_isTheProfileOfTheGpuModelAndCount() {
    assertEquals(
        Optional.of("dgx-a100"),
        DgxFacts.system(node("NVIDIA A100-SXM4-40GB", 8)).map(DgxFacts.DgxSystem::profile));
    assertEquals(
        Optional.of("dgx-a100-640"),
        DgxFacts.system(node("NVIDIA A100-SXM4-80GB", 8)).map(DgxFacts.DgxSystem::profile));
    assertEquals(
        Optional.of("dgx-1"),
        DgxFacts.system(node("Tesla V100-SXM2-16GB", 8)).map(DgxFacts.DgxSystem::profile));
    assertEquals(
        Optional.of("dgx-2"),
        DgxFacts.system(node("Tesla V100-SXM3-32GB", 16)).map(DgxFacts.DgxSystem::profile));
    assertEquals(Optional.empty(), DgxFacts.system(node("NVIDIA H100 80GB HBM3", 4)));
    assertEquals(Optional.empty(), DgxFacts.system(node("NVIDIA L4", 8)));
  }

  @Test
  void dgxA100_diskRate_followsItsDriveCount() {
    // DGX A100 User Guide, hardware overview: 320 GB model 4 x 3.84 TB, 640 GB model 8 x 3.84 TB
    // U.2 NVMe
    long small = DgxFacts.profile("dgx-a100").orElseThrow().diskReadBytesPerSecond().getAsLong();
    long large =
        DgxFacts.profile("dgx-a100-640").orElseThrow().diskReadBytesPerSecond().getAsLong();
    assertTrue(small < large, small + " vs " + large);
    assertTrue(DgxFacts.profile("dgx-station").orElseThrow().systemPowerWatts().isEmpty());
  }

  @Test
  void gpu_computeCapability_asNvidiaListsIt() {
    // developer.nvidia.com/cuda-gpus (CUDA GPU Compute Capability)
    Map<String, String> expected =
        Map.of(
            "Tesla V100-SXM2-32GB", "7.0",
            "NVIDIA A100-SXM4-80GB", "8.0",
            "NVIDIA H100 80GB HBM3", "9.0",
            "NVIDIA B200", "10.0",
            "NVIDIA GB10", "12.1",
            "Tesla T4", "7.5");
    expected.forEach(
        (name, cc) -> assertEquals(cc, DgxFacts.gpu(name).orElseThrow().computeCapability(), name));
  }

  @Test
  void everySystemIsAProfileFile_ofGpusOfTheTable() throws IOException {
    Path dir = Path.of(System.getProperty("dgxspark.data.dir", "../data"), "hardware-profiles");
    List<String> files;
    try (Stream<Path> s = Files.list(dir)) {
      files = s.map(p -> p.getFileName().toString()).sorted().collect(Collectors.toList());
    }
    List<String> table = new ArrayList<>();
    DataFiles.read("dgx-systems.json").path("gpus").forEach(g -> table.add(g.get("name").asText()));
    List<String> profiles = new ArrayList<>();
    for (DgxFacts.DgxSystem s : DgxFacts.systems()) {
      profiles.add(s.profile() + ".json");
      assertFalse(s.gpus().isEmpty(), s.profile());
      assertTrue(table.containsAll(s.gpus()), s.profile() + ": " + s.gpus() + " not in " + table);
    }
    assertEquals(files, profiles.stream().sorted().collect(Collectors.toList()));
  }
}
