package io.github.dgxspark.hardware;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertFalse;
import static org.junit.jupiter.api.Assertions.assertNotSame;
import static org.junit.jupiter.api.Assertions.assertSame;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.core.ByteSizes;
import io.github.dgxspark.core.NicSpec;
import io.github.dgxspark.core.NodeSpec;
import java.io.IOException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.nio.file.attribute.PosixFilePermissions;
import java.time.Duration;
import java.util.ArrayList;
import java.util.List;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.condition.EnabledOnOs;
import org.junit.jupiter.api.condition.OS;
import org.junit.jupiter.api.io.TempDir;

/**
 * The live probe (invariants only, as OSHI's own tests do) and the nvidia-smi runner against
 * scripts standing in for nvidia-smi.
 */
class HardwareProbeTest {

  @Test
  void local_thisMachine_hasConsistentHostFigures() {
    HardwareReport r = HardwareProbe.local();
    NodeSpec n = r.node();
    assertEquals("probe", r.origin());
    assertTrue(n.logicalCores() >= 1);
    assertTrue(n.physicalCores() <= n.logicalCores());
    assertTrue(n.memoryBytes() >= Runtime.getRuntime().maxMemory() / 2, r::toString);
    assertEquals(n.gpuCount(), r.gpus().size());
    if (n.gpuCount() == 0) {
      assertTrue(r.notes().stream().anyMatch(s -> s.startsWith("no GPUs")), r.notes()::toString);
      assertFalse(n.unifiedMemory());
    }
  }

  @Test
  void local_isCachedUntilMaxAge() {
    HardwareReport first = HardwareProbe.local();
    assertSame(first, HardwareProbe.local());
    HardwareReport fresh = HardwareProbe.local(Duration.ZERO);
    assertNotSame(first, fresh);
    assertEquals(first.node().logicalCores(), fresh.node().logicalCores());
  }

  @Test
  void probe_missingNvidiaSmi_zeroGpusWithNote(@TempDir Path dir) {
    HardwareReport r =
        HardwareProbe.probe(new NvidiaSmiRunner(dir.resolve("nvidia-smi").toString(), 2000), dir);
    assertEquals(0, r.node().gpuCount());
    assertTrue(
        r.notes().stream().anyMatch(s -> s.contains("could not be started")), r.notes()::toString);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void probe_failingNvidiaSmi_keepsItsStderr(@TempDir Path dir) throws IOException {
    Path smi =
        script(
            dir,
            "echo \"NVIDIA-SMI has failed because it couldn't communicate with the NVIDIA driver.\""
                + " >&2; exit 9");
    HardwareReport r = HardwareProbe.probe(new NvidiaSmiRunner(smi.toString(), 5000), dir);
    assertEquals(0, r.node().gpuCount());
    assertTrue(
        r.notes().stream().anyMatch(s -> s.contains("status 9") && s.contains("NVIDIA driver")),
        r.notes()::toString);
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void probe_hangingNvidiaSmi_timesOut(@TempDir Path dir) throws IOException {
    Path smi = script(dir, "sleep 5");
    long start = System.nanoTime();
    HardwareReport r = HardwareProbe.probe(new NvidiaSmiRunner(smi.toString(), 300), dir);
    assertTrue(System.nanoTime() - start < Duration.ofSeconds(4).toNanos());
    assertTrue(
        r.notes().stream().anyMatch(s -> s.contains("did not finish within 300 ms")),
        r.notes()::toString);
  }

  /**
   * A stand-in nvidia-smi: the CSV rows are the probe's fields projected from the 8 x H100 table
   * fixture (bus ids, 81559 MiB, 700 W) and the compute capability of the full H100 capture; topo
   * -m prints the real 8 x H100 topology capture; nvlink -s fails as on a driver without it.
   */
  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void probe_eightH100_readsGpusTopologyAndArgs(@TempDir Path dir) throws IOException {
    Path topo = dir.resolve("topo.txt");
    Files.writeString(topo, Fixtures.text(Fixtures.H100_TOPO), StandardCharsets.UTF_8);
    Path args = dir.resolve("args.txt");
    StringBuilder rows = new StringBuilder();
    String[] bus = {"61", "62", "63", "64", "6A", "6B", "6C", "6D"};
    for (int i = 0; i < 8; i++) {
      rows.append(
          String.format(
              "%d, NVIDIA H100 80GB HBM3, 00000000:%s:00.0, 81559, 9.0, 700.00, 5, 16\\n",
              i, bus[i]));
    }
    Path smi =
        script(
            dir,
            "echo \"$@\" >> '"
                + args
                + "'\n"
                + "case \"$1\" in\n"
                + "  --query-gpu=*) printf '"
                + rows
                + "' ;;\n"
                + "  topo) cat '"
                + topo
                + "' ;;\n"
                + "  *) echo 'nvlink not supported' >&2; exit 3 ;;\n"
                + "esac");
    HardwareReport r = HardwareProbe.probe(new NvidiaSmiRunner(smi.toString(), 5000), dir);
    NodeSpec n = r.node();
    assertEquals(8, n.gpuCount());
    assertEquals(81559 * ByteSizes.MIB, n.minGpuMemoryBytes());
    n.gpus().forEach(g -> assertEquals(18, g.nvlinkCount()));
    assertEquals(900_000_000_000L, n.nvlinkBytesPerSecond());
    assertEquals("00000000:6D:00.0", r.gpus().get(7).busId());
    assertTrue(n.nics().stream().anyMatch(nic -> nic.name().equals("mlx5_0")));
    List<String> calls = Files.readAllLines(args, StandardCharsets.UTF_8);
    assertEquals(String.join(" ", NvidiaSmiRunner.QUERY), calls.get(0));
    assertEquals("topo -m", calls.get(1));
  }

  @Test
  @EnabledOnOs({OS.LINUX, OS.MAC})
  void probe_gb10_isUnifiedWithOsMemory(@TempDir Path dir) throws IOException {
    // the [N/A] memory of the real GB10 query-gpu row, in the probe's field order
    Path smi =
        script(
            dir,
            "case \"$1\" in --query-gpu=*) echo '0, NVIDIA GB10, 0000000F:01:00.0, [N/A], 12.1,"
                + " [N/A], [N/A], [N/A]' ;; *) exit 6 ;; esac");
    HardwareReport r = HardwareProbe.probe(new NvidiaSmiRunner(smi.toString(), 5000), dir);
    assertTrue(r.node().unifiedMemory());
    assertEquals(r.node().memoryBytes(), r.node().gpus().get(0).memoryBytes());
    assertEquals("12.1", r.node().gpus().get(0).computeCapability());
  }

  @Test
  void infiniband_sysfs_readsRatesAndLinkLayers(@TempDir Path dir) throws IOException {
    port(dir, "mlx5_0", "1", "400 Gb/sec (4X NDR)", "InfiniBand", "4: ACTIVE");
    port(dir, "mlx5_1", "1", "400 Gb/sec (4X NDR)", "InfiniBand", "1: DOWN");
    port(dir, "rocep1s0f0", "1", "200 Gb/sec (4X HDR)", "Ethernet", "4: ACTIVE");
    List<NicSpec> nics = InfinibandReader.read(dir, new ArrayList<>());
    assertEquals(
        List.of(
            new NicSpec("mlx5_0", NicSpec.Kind.INFINIBAND, 50_000_000_000L),
            new NicSpec("mlx5_1", NicSpec.Kind.INFINIBAND, 0),
            new NicSpec("rocep1s0f0", NicSpec.Kind.ROCE, 25_000_000_000L)),
        nics);
    assertEquals(List.of(), InfinibandReader.read(dir.resolve("absent"), new ArrayList<>()));
  }

  private static void port(
      Path root, String dev, String port, String rate, String layer, String state)
      throws IOException {
    Path p = Files.createDirectories(root.resolve(dev).resolve("ports").resolve(port));
    Files.writeString(p.resolve("rate"), rate + "\n");
    Files.writeString(p.resolve("link_layer"), layer + "\n");
    Files.writeString(p.resolve("state"), state + "\n");
  }

  private static Path script(Path dir, String body) throws IOException {
    Path smi = dir.resolve("nvidia-smi");
    Files.writeString(smi, "#!/bin/sh\n" + body + "\n", StandardCharsets.UTF_8);
    Files.setPosixFilePermissions(smi, PosixFilePermissions.fromString("rwxr-xr-x"));
    return smi;
  }
}
