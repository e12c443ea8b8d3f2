package io.github.dgxspark.adapter;

import java.io.IOException;
import java.io.InputStream;
import java.io.UncheckedIOException;
import java.util.Properties;
import picocli.CommandLine;

/**
 * The product's version, written into {@code version.properties} by the build (Maven resource
 * filtering of {@code project.version}), so the CLI and the MCP server report the same value.
 */
public final class Version implements CommandLine.IVersionProvider {
  private static final String RESOURCE = "version.properties";

  /** The version of this build, e.g. {@code 0.1.0-SNAPSHOT}. */
  public static final String CURRENT = read();

  private static String read() {
    Properties p = new Properties();
    try (InputStream in = Version.class.getResourceAsStream(RESOURCE)) {
      if (in == null) {
        throw new IllegalStateException(
            RESOURCE + " is missing from the jar; rebuild it with Maven");
      }
      p.load(in);
    } catch (IOException e) {
      throw new UncheckedIOException("reading " + RESOURCE, e);
    }
    return p.getProperty("version");
  }

  @Override
  public String[] getVersion() {
    return new String[] {"dgx-spark-mcp " + CURRENT};
  }
}
