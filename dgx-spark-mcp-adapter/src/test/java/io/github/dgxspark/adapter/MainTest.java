package io.github.dgxspark.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;
import static org.junit.jupiter.api.Assertions.assertTrue;

import java.nio.file.Path;
import java.util.List;
import java.util.Optional;
import org.junit.jupiter.api.Test;

class MainTest {
  @Test
  void plainServe_allowDirsInBothSpellings_areTheDirectories() {
    assertEquals(Optional.of(List.of()), Main.plainServe(new String[] {"serve"}));
    assertEquals(
        Optional.of(List.of(Path.of("/a"), Path.of("b"))),
        Main.plainServe(new String[] {"serve", "--allow-dir", "/a", "--allow-dir=b"}));
  }

  @Test
  void plainServe_anythingElse_isLeftToTheCli() {
    assertTrue(Main.plainServe(new String[] {}).isEmpty());
    assertTrue(Main.plainServe(new String[] {"recommend"}).isEmpty());
    assertTrue(Main.plainServe(new String[] {"serve", "--help"}).isEmpty());
    assertTrue(Main.plainServe(new String[] {"serve", "--allow-dir"}).isEmpty());
    assertTrue(Main.plainServe(new String[] {"serve", "--allow-dir="}).isEmpty());
  }
}
