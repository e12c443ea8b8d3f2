package io.github.dgxspark.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.GpuSpec;
import io.github.dgxspark.core.NicSpec;
import io.github.dgxspark.core.NodeSpec;
import io.github.dgxspark.core.OptimizationResult;
import io.github.dgxspark.core.SparkConfigOptimizer;
import io.github.dgxspark.core.WorkloadSpec;
import io.github.dgxspark.core.WorkloadType;
import java.util.List;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;

/**
 * Every real capture (see src/test/resources/io/github/dgxspark/hardware/nvidia-smi/FIXTURES.md)
 * parses to the GPUs, memory and NVLink links it shows.
 */
class NvidiaSmiTest {
  private static final long MIB = ByteSizes.MIB;
  // free on the DGX Spark in the GB10 fixture: Mem total 125513720 KiB
  private static final long GB10_OS_MEMORY = 125_513_720L * ByteSizes.KIB;

  @Test
  void describe_gb10Table_isUnifiedWithProfileMemory() {
    HardwareReport r = NvidiaSmi.describe(Fixtures.text(Fixtures.GB10_TABLE));
    NodeSpec n = r.node();
    assertEquals(1, n.gpuCount());
    assertEquals("NVIDIA GB10", n.gpus().get(0).name());
    assertTrue(n.unifiedMemory());
    assertEquals(GB10_OS_MEMORY, n.memoryBytes());
    assertEquals(n.memoryBytes(), n.gpus().get(0).memoryBytes());
    assertEquals("12.1", n.gpus().get(0).computeCapability());
    assertEquals(20, n.logicalCores());
    assertEquals(0, n.nvlinkBytesPerSecond());
    assertEquals("580.82.09", r.driverVersion());
    assertEquals("13.0", r.cudaVersion());
    assertEquals("0000000F:01:00.0", r.gpus().get(0).busId());
    assertEquals(0, r.gpus().get(0).memoryBytes());
    assertTrue(r.notes().stream().anyMatch(s -> s.contains("dgx-spark")), r.notes()::toString);
  }

  @Test
  void describe_gb10TableWithGivenMemory_usesGivenFigures() {
    long mem = 128 * ByteSizes.GIB;
    HardwareReport r =
        NvidiaSmi.describe(
            Fixtures.text(Fixtures.GB10_TABLE), OptionalInt.of(20), OptionalLong.of(mem));
    assertEquals(mem, r.node().memoryBytes());
    assertEquals(mem, r.node().gpus().get(0).memoryBytes());
    assertEquals(20, r.node().logicalCores());
  }

  @Test
  void describe_gb10WithFreeAndLscpu_readsHostFromPaste() {
    NodeSpec n = NvidiaSmi.describe(Fixtures.text(Fixtures.GB10_FREE_LSCPU)).node();
    assertEquals(GB10_OS_MEMORY, n.memoryBytes());
    assertTrue(n.unifiedMemory());
    assertEquals(20, n.logicalCores());
    assertEquals(20, n.physicalCores());
    assertEquals(1, n.sockets());
    assertEquals(1, n.numaNodes());
    assertEquals("Cortex-X925 + Cortex-A725", n.cpuModel());
  }

  @Test
  void describe_gb10CsvRow_naMemoryIsUnified() {
    HardwareReport r =
        NvidiaSmi.describe(
            Fixtures.text(Fixtures.GB10_CSV_ROW),
            OptionalInt.of(20),
            OptionalLong.of(GB10_OS_MEMORY));
    assertEquals(List.of(CsvParser.FORMAT), NvidiaSmi.detect(Fixtures.text(Fixtures.GB10_CSV_ROW)));
    assertEquals(1, r.node().gpuCount());
    assertTrue(r.node().unifiedMemory());
    assertEquals(GB10_OS_MEMORY, r.node().gpus().get(0).memoryBytes());
  }

  @Test
  void describe_a100MigXml_readsFramebufferAndMigDevices() {
    long host = 2 * ByteSizes.TIB;
    HardwareReport r =
        NvidiaSmi.describe(
            Fixtures.text(Fixtures.A100_MIG_XML), OptionalInt.of(256), OptionalLong.of(host));
    assertEquals(List.of(XmlParser.FORMAT), NvidiaSmi.detect(Fixtures.text(Fixtures.A100_MIG_XML)));
    NodeSpec n = r.node();
    assertEquals(1, n.gpuCount()); // the trimmed file holds one <gpu> although attached_gpus is 4
    GpuSpec g = n.gpus().get(0);
    assertEquals("NVIDIA A100-SXM4-80GB", g.name());
    // sizing sees one MIG slice, what one executor's CUDA context gets; the report keeps the card
    assertEquals(19968 * MIB, g.memoryBytes());
    assertEquals("8.0", g.computeCapability());
    assertFalse(n.unifiedMemory());
    GpuReport d = r.gpus().get(0);
    assertEquals(81920 * MIB, d.memoryBytes());
    assertEquals(List.of(19968 * MIB, 19968 * MIB, 19968 * MIB, 19968 * MIB), d.migMemoryBytes());
    assertEquals(500.0, d.powerLimitWatts());
    assertEquals(4, d.pcieGeneration());
    assertEquals(16, d.pcieLinkWidth());
    assertEquals("00000000:01:00.0", d.busId());
    assertEquals("535.54.03", r.driverVersion());
    assertEquals("12.2", r.cudaVersion());
    assertTrue(r.notes().stream().anyMatch(s -> s.contains("MIG enabled with 4 devices")));
  }

  @Test
  void recommend_onTheA100MigCapture_sizesGpuTasksFromTheSliceNotTheCard() {
    // the real capture (4 MIG devices of 19.5 GiB on an 80 GB A100) against the same capture with
    // MIG mode off: concurrentGpuTasks follows the memory one executor really gets
    String mig = Fixtures.text(Fixtures.A100_MIG_XML);
    String whole =
        mig.replace("<current_mig>Enabled</current_mig>", "<current_mig>Disabled</current_mig>");
    assertFalse(mig.equals(whole), "the capture has MIG on");
    WorkloadSpec etl = WorkloadSpec.of(WorkloadType.ETL, 100 * ByteSizes.GIB, ExecutionMode.GPU);
    OptimizationResult onSlice = optimize(mig, etl);
    OptimizationResult onCard = optimize(whole, etl);
    int sliceTasks = concurrentGpuTasks(onSlice);
    int cardTasks = concurrentGpuTasks(onCard);
    assertTrue(sliceTasks < cardTasks, sliceTasks + " on a slice vs " + cardTasks + " on the card");
    String reason =
        onSlice.values().stream()
            .filter(v -> v.key().equals("spark.rapids.sql.concurrentGpuTasks"))
            .findFirst()
            .orElseThrow()
            .reason();
    assertTrue(reason.contains(ByteSizes.human(19968 * MIB)), reason);
  }

  private static OptimizationResult optimize(String capture, WorkloadSpec workload) {
    HardwareReport r =
        NvidiaSmi.describe(capture, OptionalInt.of(64), OptionalLong.of(512 * ByteSizes.GIB));
    return SparkConfigOptimizer.optimize(r.cluster(1, ClusterManager.STANDALONE), workload);
  }

  private static int concurrentGpuTasks(OptimizationResult r) {
    return Integer.parseInt(r.config().get("spark.rapids.sql.concurrentGpuTasks").orElseThrow());
  }

  @Test
  void describe_a100XmlWithoutHostFigures_failsNamingMemory() {
    HardwareException e =
        assertThrows(
            HardwareException.class,
            () -> NvidiaSmi.describe(Fixtures.text(Fixtures.A100_MIG_XML)));
    assertTrue(e.getMessage().contains("host memory"), e.getMessage());
    assertFalse(e.getMessage().contains("\n"), e.getMessage());
  }

  @Test
  void read_a100XmlWithoutHostFigures_asksForHostMemoryAndCoresOnly() {
    // one A100 of a DGX A100 (the XML lists one <gpu>): no profile has one A100, and -q -x shows
    // no host figure
    PasteReport r =
        NvidiaSmi.read(
            Fixtures.text(Fixtures.A100_MIG_XML), OptionalInt.empty(), OptionalLong.empty());
    assertEquals(
        List.of(PasteReport.Missing.HOST_MEMORY, PasteReport.Missing.LOGICAL_CORES), r.missing());
    assertTrue(r.report().isEmpty());
    assertTrue(
        r.shows().contains("1 GPU (NVIDIA A100-SXM4-80GB, 80.0 GiB, NVLink unknown)"), r.shows());
    assertTrue(r.shows().contains("host memory unknown"), r.shows());
    assertTrue(r.shows().contains("logical cores unknown"), r.shows());
  }

  @Test
  void topology_dgxA100OldLayout_readsNv12AndMlx5Columns() {
    Facts f = Fixtures.parse(TopologyParser::read, Fixtures.lines(Fixtures.DGX_A100_TOPO));
    assertEquals(8, f.gpus.size());
    for (Facts.GpuFacts g : f.gpus.values()) {
      assertEquals(12, g.topologyLinks, "GPU" + g.index);
    }
    assertEquals(12, f.topologyNics.size());
    assertEquals("mlx5_0", f.topologyNics.get(0));
    assertEquals("mlx5_11", f.topologyNics.get(11));
    assertEquals(List.of("mlx5_0", "mlx5_1"), f.gpus.get(0).nearestNics);
    assertEquals(List.of("mlx5_8", "mlx5_9"), f.gpus.get(7).nearestNics);
    assertEquals("48-63,176-191", f.gpus.get(0).cpuAffinity);
    assertEquals(255, f.maxAffinityCpu);
    assertEquals(7, f.maxAffinityNuma);
  }

  @Test
  void describe_topologyAlone_failsSayingWhatItShowsAndWhatItLacks() {
    HardwareException e =
        assertThrows(
            HardwareException.class,
            () -> NvidiaSmi.describe(Fixtures.text(Fixtures.DGX_A100_TOPO)));
    String m = e.getMessage();
    assertTrue(m.startsWith("the pasted nvidia-smi topo -m output shows 8 GPUs (model unknown"), m);
    assertTrue(
        m.endsWith(
            "a node also needs " + PasteReport.Missing.GPU_MODEL.what() + " and the host memory"),
        m);
    assertFalse(m.contains("\n"), m);
  }

  @Test
  void read_dgxA100TopologyAlone_showsGpusNicsAffinityAndAsksForModelAndMemory() {
    PasteReport r =
        NvidiaSmi.read(
            Fixtures.text(Fixtures.DGX_A100_TOPO), OptionalInt.empty(), OptionalLong.empty());
    assertEquals(List.of(TopologyParser.FORMAT), r.formats());
    // the capture: 8 GPUs at NV12 to each peer, 12 mlx5 NICs, CPU affinity up to CPU 255 on NUMA
    // nodes 3, 1, 7 and 5; the cores are a lower bound read from it, so only model and memory lack
    assertEquals(
        List.of(PasteReport.Missing.GPU_MODEL, PasteReport.Missing.HOST_MEMORY), r.missing());
    assertTrue(r.report().isEmpty());
    String s = r.shows();
    assertTrue(s.contains("8 GPUs (model unknown, GPU memory unknown, 12 NVLinks each)"), s);
    assertTrue(s.contains("12 NICs (mlx5_0 … mlx5_11)"), s);
    assertTrue(
        s.contains(
            "GPU CPU affinity 48-63,176-191 | 16-31,144-159 | 112-127,240-255 | 80-95,208-223"),
        s);
    assertTrue(s.contains("NUMA nodes 3, 1, 7, 5"), s);
    assertTrue(s.contains("at least 256 logical cores"), s);
    assertTrue(s.contains("host memory unknown"), s);
  }

  @Test
  void read_dgxA100TopologyWithModelFromAProfile_needsNothingMore() {
    // nvidia-smi -L lines in the format of the H100 capture's -L section, with the model a DGX A100
    // has; 8 of them match the dgx-a100 profile, which supplies memory
    StringBuilder list = new StringBuilder();
    for (int i = 0; i < 8; i++) {
      list.append("GPU ").append(i).append(": NVIDIA A100-SXM4-80GB (UUID: GPU-masked)\n");
    }
    PasteReport r =
        NvidiaSmi.read(
            list + Fixtures.text(Fixtures.DGX_A100_TOPO),
            OptionalInt.empty(),
            OptionalLong.empty());
    assertEquals(List.of(), r.missing(), r.shows());
    assertEquals(8, r.report().orElseThrow().node().gpuCount());
  }

  @Test
  void read_h100OneGpuCaptureWithoutHostMemory_asksForMemoryOnly() {
    PasteReport r =
        NvidiaSmi.read(
            Fixtures.text(Fixtures.H100_FULL), OptionalInt.empty(), OptionalLong.empty());
    assertEquals(List.of(PasteReport.Missing.HOST_MEMORY), r.missing(), r.shows());
    String s = r.shows();
    assertTrue(s.contains("1 GPU (NVIDIA H100 80GB HBM3, "), s);
    assertTrue(s.contains("79.6 GiB, 18 NVLinks)"), s);
    assertTrue(s.contains("GPU CPU affinity 0-19"), s);
    assertTrue(s.contains("NUMA node 0"), s);
    assertTrue(s.contains("at least 20 logical cores"), s);
    PasteReport sized =
        NvidiaSmi.read(
            Fixtures.text(Fixtures.H100_FULL),
            OptionalInt.empty(),
            OptionalLong.of(256 * ByteSizes.GIB));
    assertEquals(List.of(), sized.missing());
    assertTrue(sized.shows().contains("256.0 GiB host memory"), sized.shows());
  }

  @Test
  void describe_h100Table_readsEightGpusAndFallsBackToDgxH100Host() {
    HardwareReport r = NvidiaSmi.describe(Fixtures.text(Fixtures.H100_TABLE));
    NodeSpec n = r.node();
    assertEquals(8, n.gpuCount());
    for (GpuSpec g : n.gpus()) {
      assertEquals("NVIDIA H100 80GB HBM3", g.name());
      assertEquals(81559 * MIB, g.memoryBytes());
      assertEquals(18, g.nvlinkCount()); // from the dgx-h100 profile: the table shows no links
    }
    assertEquals(700.0, r.gpus().get(7).powerLimitWatts());
    assertEquals("00000000:6D:00.0", r.gpus().get(7).busId());
    assertEquals(224, n.logicalCores());
    assertEquals(2 * ByteSizes.TIB, n.memoryBytes());
    assertEquals("550.90.12", r.driverVersion());
    assertEquals("12.4", r.cudaVersion());
    assertTrue(r.notes().stream().anyMatch(s -> s.contains("dgx-h100")), r.notes()::toString);
  }

  @Test
  void describe_h100TableAndTopology_mergesLinksNicAndAffinity() {
    String paste = Fixtures.text(Fixtures.H100_TABLE) + "\n" + Fixtures.text(Fixtures.H100_TOPO);
    assertEquals(List.of(TableParser.FORMAT, TopologyParser.FORMAT), NvidiaSmi.detect(paste));
    HardwareReport r = NvidiaSmi.describe(paste);
    NodeSpec n = r.node();
    assertEquals(8, n.gpuCount());
    n.gpus().forEach(g -> assertEquals(18, g.nvlinkCount()));
    // 18 NVLink 4 links x 50 GB/s both directions = NVIDIA's 900 GB/s per H100
    assertEquals(900_000_000_000L, n.nvlinkBytesPerSecond());
    // CPU affinity 0-103 / 104-207 in the capture: 208 logical CPUs (a KVM guest), NUMA 0 and 1
    assertEquals(208, n.logicalCores());
    assertEquals(2, n.numaNodes());
    assertEquals(List.of(new NicSpec("mlx5_0", NicSpec.Kind.INFINIBAND, 0)), n.nics());
    assertEquals("0-103", r.gpus().get(0).cpuAffinity());
    assertEquals("104-207", r.gpus().get(7).cpuAffinity());
  }

  @Test
  void describe_h100FullCapture_readsCsvTopologyAndNvlinkRates() {
    String text = Fixtures.text(Fixtures.H100_FULL);
    List<String> formats = NvidiaSmi.detect(text);
    assertTrue(
        formats.containsAll(
            List.of(
                TableParser.FORMAT, CsvParser.FORMAT, TopologyParser.FORMAT, ListParser.FORMAT)),
        formats::toString);
    HardwareReport r =
        NvidiaSmi.describe(text, OptionalInt.empty(), OptionalLong.of(256 * ByteSizes.GIB));
    NodeSpec n = r.node();
    assertEquals(1, n.gpuCount());
    GpuSpec g = n.gpus().get(0);
    assertEquals("NVIDIA H100 80GB HBM3", g.name());
    assertEquals(81559 * MIB, g.memoryBytes());
    assertEquals("9.0", g.computeCapability());
    // nvlink -s: 18 active links at 26.562 GB/s each way
    assertEquals(18, g.nvlinkCount());
    assertEquals(2 * 18 * 26_562_000_000L, n.nvlinkBytesPerSecond());
    // topo -m CPU affinity 0-19 (the ANSI-underlined header is read)
    assertEquals(20, n.logicalCores());
    assertEquals(700.0, r.gpus().get(0).powerLimitWatts());
    assertEquals("590.48.01", r.driverVersion());
    assertEquals("13.1", r.cudaVersion());
  }

  @Test
  void topology_ansiHeader_isRead() {
    List<String> lines =
        List.of(
            "\t\u001B[4mGPU0\tCPU Affinity\tNUMA Affinity\tGPU NUMA ID\u001B[0m",
            "GPU0\t X \t0-19\t0\t\tN/A");
    Facts f = Fixtures.parse(TopologyParser::read, lines);
    assertEquals(1, f.gpus.size());
    assertEquals(0, f.gpus.get(0).topologyLinks);
    assertEquals(19, f.maxAffinityCpu);
  }

  @Test
  void topology_dgx1CubeMesh_addsLinksToPeers() {
    List<String> lines =
        List.of(
            "\tGPU0\tGPU1\tGPU2\tGPU3\tCPU Affinity",
            "GPU0\t X \tNV1\tNV2\tSYS\t0-19",
            "GPU1\tNV1\t X \tNV1\tNV2\t0-19",
            "GPU2\tNV2\tNV1\t X \tNV1\t0-19",
            "GPU3\tSYS\tNV2\tNV1\t X \t0-19");
    Facts f = Fixtures.parse(TopologyParser::read, lines);
    assertEquals(3, f.gpus.get(0).topologyLinks);
    assertEquals(4, f.gpus.get(1).topologyLinks);
  }

  @Test
  void topology_nicLegend_resolvesNames() {
    List<String> lines =
        List.of(
            "\tGPU0\tNIC0\tNIC1\tCPU Affinity\tNUMA Affinity\tGPU NUMA ID",
            "GPU0\t X \tNODE\tPIX\t0-19\t0\t\tN/A",
            "NIC0\tNODE\t X \tPIX",
            "NIC1\tPIX\tPIX\t X ",
            "",
            "Legend:",
            "",
            "  X    = Self",
            "",
            "NIC Legend:",
            "",
            "  NIC0: rocep1s0f0",
            "  NIC1: roceP2p1s0f0");
    Facts f = Fixtures.parse(TopologyParser::read, lines);
    assertEquals(List.of("rocep1s0f0", "roceP2p1s0f0"), f.topologyNics);
    assertEquals(List.of("roceP2p1s0f0"), f.gpus.get(0).nearestNics);
  }

  @Test
  void table_gpuRowWithoutMemoryLine_failsNamingTheLine() {
    List<String> lines =
        List.of(
            "|   0  NVIDIA H100 80GB HBM3          On  |   00000000:61:00.0 Off |          0 |",
            "| garbage here |");
    HardwareException e =
        assertThrows(HardwareException.class, () -> Fixtures.parse(TableParser::read, lines));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
    assertTrue(e.getMessage().contains("garbage here"), e.getMessage());
  }

  @Test
  void csv_noHeaderProbeOrder_readsAllFields() {
    Facts f =
        Fixtures.parse(
            Fixtures::readCsv,
            List.of(
                "0, NVIDIA H100 80GB HBM3, 00000000:61:00.0, 81559, 9.0, 700.00, 5, 16",
                "1, NVIDIA H100 80GB HBM3, 00000000:62:00.0, 81559, 9.0, 700.00, 5, 16"));
    assertEquals(2, f.gpus.size());
    Facts.GpuFacts g = f.gpus.get(1);
    assertEquals(81559 * MIB, g.memoryBytes);
    assertEquals("9.0", g.computeCapability);
    assertEquals(700.0, g.powerLimitWatts);
    assertEquals(5, g.pcieGeneration);
    assertEquals(16, g.pcieLinkWidth);
  }

  @Test
  void csv_badMemory_failsNamingTheLine() {
    HardwareException e =
        assertThrows(
            HardwareException.class,
            () ->
                Fixtures.parse(
                    Fixtures::readCsv, List.of("name, memory.total [MiB]", "NVIDIA H100, lots")));
    assertTrue(e.getMessage().contains("line 2"), e.getMessage());
  }

  @Test
  void describe_textWithoutNvidiaSmi_failsNamingFirstLine() {
    HardwareException e =
        assertThrows(HardwareException.class, () -> NvidiaSmi.describe("hello world\nbye"));
    assertTrue(e.getMessage().contains("hello world"), e.getMessage());
  }

  @Test
  void describe_nonPositiveGivenFigures_fail() {
    String t = Fixtures.text(Fixtures.GB10_TABLE);
    assertThrows(
        HardwareException.class,
        () -> NvidiaSmi.describe(t, OptionalInt.of(0), OptionalLong.empty()));
    assertThrows(
        HardwareException.class,
        () -> NvidiaSmi.describe(t, OptionalInt.empty(), OptionalLong.of(-1)));
  }
}
