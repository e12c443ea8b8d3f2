package io.github.dgxspark.adapter;

import java.net.URISyntaxException;
import java.nio.file.Path;
import java.util.Objects;

/** The adapter's copied test fixtures ({@code src/test/resources/fixtures}, see FIXTURES.md). */
public final class Fixtures {
  private Fixtures() {}

  /**
   * The fixtures folder.
   *
   * @return its path
   */
  public static Path dir() {
    try {
      return Path.of(
              Objects.requireNonNull(Fixtures.class.getResource("/fixtures/FIXTURES.md")).toURI())
          .getParent();
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
  }

  /**
   * One fixture file.
   *
   * @param name its file name
   * @return its path
   */
  public static Path file(String name) {
    return dir().resolve(name);
  }
}
