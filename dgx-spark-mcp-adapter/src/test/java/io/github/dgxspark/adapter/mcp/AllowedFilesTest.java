package io.github.dgxspark.adapter.mcp;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertThrows;
import static org.junit.jupiter.api.Assertions.assertTrue;

import io.github.dgxspark.adapter.AdapterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.List;
import org.junit.jupiter.api.BeforeEach;
import org.junit.jupiter.api.Test;
import org.junit.jupiter.api.io.TempDir;

class AllowedFilesTest {
  @TempDir Path tmp;
  Path allowed;
  Path outside;
  AllowedFiles files;

  @BeforeEach
  void setUp() throws IOException {
    allowed = Files.createDirectories(tmp.resolve("allowed"));
    outside = Files.writeString(tmp.resolve("secret.txt"), "secret");
    Files.writeString(allowed.resolve("log.json"), "{}");
    Files.createDirectories(allowed.resolve("sub"));
    Files.writeString(allowed.resolve("sub/events_1"), "{}");
    files = new AllowedFiles(List.of(allowed));
  }

  @Test
  void resolve_relativeAndAbsoluteInside_givesTheRealPath() throws IOException {
    Path real = allowed.resolve("log.json").toRealPath();
    assertEquals(real, files.resolve("log.json"));
    assertEquals(real, files.resolve(allowed.resolve("log.json").toString()));
    assertEquals(real, files.resolve("sub/../log.json"));
    assertEquals(allowed.resolve("sub").toRealPath(), files.resolve("sub"));
  }

  @Test
  void resolve_dotDotOut_isRefused() {
    AdapterException e = assertThrows(AdapterException.class, () -> files.resolve("../secret.txt"));
    assertTrue(e.getMessage().contains("outside the allowed directories"), e.getMessage());
    assertThrows(AdapterException.class, () -> files.resolve("sub/../../secret.txt"));
    assertThrows(AdapterException.class, () -> files.resolve(outside.toString()));
    assertThrows(AdapterException.class, () -> files.resolve("/etc/passwd"));
  }

  @Test
  void resolve_symlinkOut_isRefused() throws IOException {
    Files.createSymbolicLink(allowed.resolve("link.json"), outside);
    AdapterException e = assertThrows(AdapterException.class, () -> files.resolve("link.json"));
    assertTrue(e.getMessage().contains("outside"), e.getMessage());
  }

  @Test
  void resolve_folderHoldingASymlinkOut_isRefused() throws IOException {
    Files.createSymbolicLink(allowed.resolve("sub/events_2"), outside);
    assertThrows(AdapterException.class, () -> files.resolve("sub"));
  }

  @Test
  void resolve_symlinkedFolderOut_isRefused() throws IOException {
    Path elsewhere = Files.createDirectories(tmp.resolve("elsewhere"));
    Files.writeString(elsewhere.resolve("log"), "{}");
    Files.createSymbolicLink(allowed.resolve("other"), elsewhere);
    assertThrows(AdapterException.class, () -> files.resolve("other/log"));
    assertThrows(AdapterException.class, () -> files.resolve("other"));
  }

  @Test
  void resolve_missingBlankOrNul_isRefusedWithAMessage() {
    AdapterException e = assertThrows(AdapterException.class, () -> files.resolve("nope.json"));
    assertTrue(e.getMessage().contains("does not exist"), e.getMessage());
    assertThrows(AdapterException.class, () -> files.resolve(" "));
    assertThrows(AdapterException.class, () -> files.resolve("a\0b"));
  }

  @Test
  void allowedFiles_missingDirectory_isRefused() {
    assertThrows(AdapterException.class, () -> new AllowedFiles(List.of(tmp.resolve("none"))));
    assertThrows(AdapterException.class, () -> new AllowedFiles(List.of(outside)));
    assertThrows(AdapterException.class, () -> new AllowedFiles(List.of()));
  }
}
