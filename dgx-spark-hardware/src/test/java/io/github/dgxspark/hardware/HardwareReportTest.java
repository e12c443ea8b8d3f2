package io.github.dgxspark.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import com.fasterxml.jackson.databind.ObjectMapper;
import io.github.dgxspark.core.ClusterManager;
import io.github.dgxspark.core.NodeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.OptionalInt;
import java.util.OptionalLong;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

/** JSON round trips of reports and nodes, as the adapter's --hardware FILE.json reads them. */
class HardwareReportTest {

  @Test
  void toJson_probeResult_roundTrips() {
    HardwareReport probed = HardwareProbe.local();
    assertEquals(probed, HardwareReport.fromJson(probed.toJson()));
  }

  @Test
  void toJson_pastedMigAndNvlink_roundTrips() {
    HardwareReport mig =
        NvidiaSmi.describe(
            Fixtures.text(Fixtures.A100_MIG_XML), OptionalInt.of(8), OptionalLong.of(1L << 36));
    assertEquals(mig, HardwareReport.fromJson(mig.toJson()));
    HardwareReport h100 =
        NvidiaSmi.describe(
            Fixtures.text(Fixtures.H100_TABLE) + "\n" + Fixtures.text(Fixtures.H100_TOPO));
    assertEquals(h100, HardwareReport.fromJson(h100.toJson()));
  }

  @Test
  void fromJson_bareNode_becomesFileReport() throws IOException {
    NodeSpec node = HardwareProfiles.named("dgx-spark").node();
    String json = new ObjectMapper().writeValueAsString(node);
    HardwareReport r = HardwareReport.fromJson(json);
    assertEquals(node, r.node());
    assertEquals("file", r.origin());
    assertEquals(1, r.gpus().size());
  }

  @Test
  void fromJson_bareNode_acceptsNicKindsInLowerCase_asTheAdapterSummaryWritesThem()
      throws IOException {
    NodeSpec node = HardwareProfiles.named("dgx-h100").node();
    String upper = new ObjectMapper().writeValueAsString(node);
    String lower = upper.replace("\"INFINIBAND\"", "\"infiniband\"");
    assertTrue(!lower.equals(upper), "the profile has InfiniBand NICs to rewrite");
    assertEquals(node, HardwareReport.fromJson(lower).node());
  }

  @Test
  void read_file_namesFileOnError(@TempDir Path dir) throws IOException {
    Path good = dir.resolve("h.json");
    HardwareReport report = HardwareProfiles.named("dgx-b200").report();
    Files.writeString(good, report.toJson(), StandardCharsets.UTF_8);
    assertEquals(report, HardwareReport.read(good));
    assertEquals(8, report.cluster(2, ClusterManager.YARN).node().gpuCount());

    Path bad = dir.resolve("bad.json");
    Files.writeString(bad, "{\"node\": {\"cpuModel\": \"x\"}}", StandardCharsets.UTF_8);
    HardwareException e = assertThrows(HardwareException.class, () -> HardwareReport.read(bad));
    assertTrue(e.getMessage().contains("bad.json"), e.getMessage());
    HardwareException missing =
        assertThrows(HardwareException.class, () -> HardwareReport.read(dir.resolve("none.json")));
    assertTrue(missing.getMessage().contains("none.json"), missing.getMessage());
  }

  @Test
  void fromJson_invalidNodeValues_isHardwareException() {
    String json =
        "{\"cpuModel\":\"\",\"logicalCores\":0,\"physicalCores\":1,\"sockets\":1,\"numaNodes\":1,"
            + "\"memoryBytes\":1,\"gpus\":[],\"unifiedMemory\":false,\"nvlinkBytesPerSecond\":0,"
            + "\"nics\":[]}";
    HardwareException e =
        assertThrows(HardwareException.class, () -> HardwareReport.fromJson(json));
    assertTrue(e.getMessage().contains("logicalCores"), e.getMessage());
    assertThrows(HardwareException.class, () -> HardwareReport.fromJson("[1,2]"));
    assertThrows(HardwareException.class, () -> HardwareReport.fromJson("not json"));
  }
}
