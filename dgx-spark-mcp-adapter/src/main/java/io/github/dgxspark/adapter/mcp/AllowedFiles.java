package io.github.dgxspark.adapter.mcp;

import io.github.dgxspark.adapter.AdapterException;
import java.io.IOException;
import java.nio.file.Files;
import java.nio.file.InvalidPathException;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.List;
import java.util.Locale;
import java.util.Objects;
import java.util.stream.Stream;

/**
 * The directories whose files the tools may read. A path is resolved against the first allowed
 * directory when relative, then to its real path (every symlink followed); it is allowed only when
 * that real path, and the real path of every file under it when it is a folder, lies inside an
 * allowed directory's real path. {@code ..} tricks and symlinks that lead out are thus refused.
 */
final class AllowedFiles {
  /** How deep a folder (an event-log folder) is checked; deeper entries are refused. */
  private static final int MAX_DEPTH = 4;

  private final List<Path> roots;

  /**
   * @param dirs the allowed directories; each must exist
   * @throws AdapterException if one does not exist or is not a directory
   */
  AllowedFiles(List<Path> dirs) {
    List<Path> real = new ArrayList<>();
    for (Path d : dirs) {
      Objects.requireNonNull(d, "dir");
      try {
        Path r = d.toAbsolutePath().toRealPath();
        if (!Files.isDirectory(r)) {
          throw new AdapterException(
              "allowed directory " + d + " is not a directory; expected an existing directory");
        }
        real.add(r);
      } catch (IOException e) {
        throw new AdapterException(
            "allowed directory "
                + d
                + " cannot be read ("
                + e.getMessage()
                + "); expected an"
                + " existing directory",
            e);
      }
    }
    if (real.isEmpty()) {
      throw new AdapterException("no allowed directory given; expected at least one --allow-dir");
    }
    this.roots = List.copyOf(real);
  }

  List<Path> roots() {
    return roots;
  }

  /**
   * Resolves a path a client gave and checks it is allowed.
   *
   * @param text the path, absolute or relative to the first allowed directory
   * @return its real path
   * @throws AdapterException if it does not exist, or it (or a file under it) lies outside the
   *     allowed directories
   */
  Path resolve(String text) {
    Objects.requireNonNull(text, "text");
    if (text.isBlank() || text.indexOf('\0') >= 0) {
      throw new AdapterException(
          "path '" + text + "' is not a path; expected a file or folder under " + roots);
    }
    Path asked;
    try {
      asked = roots.get(0).resolve(Path.of(text)).normalize();
    } catch (InvalidPathException e) {
      throw new AdapterException(
          "path '" + text + "' is not a valid path; expected a file or folder under " + roots, e);
    }
    check(text, asked);
    Path real;
    try {
      real = asked.toRealPath();
    } catch (IOException e) {
      throw new AdapterException(
          String.format(
              Locale.ROOT,
              "path '%s' does not exist or cannot be read; expected a file or folder under %s",
              text,
              roots),
          e);
    }
    check(text, real);
    if (Files.isDirectory(real)) {
      try (Stream<Path> all = Files.walk(roots.get(0).resolve(real), MAX_DEPTH)) {
        for (Path p : (Iterable<Path>) all::iterator) {
          check(text, p.toRealPath());
        }
      } catch (IOException e) {
        throw new AdapterException(
            "folder '" + text + "' cannot be listed (" + e.getMessage() + ")", e);
      }
    }
    return real;
  }

  private void check(String text, Path real) {
    for (Path r : roots) {
      if (real.startsWith(r)) {
        return;
      }
    }
    throw new AdapterException(
        "path '"
            + text
            + "' is outside the allowed directories; expected a file or folder under "
            + roots
            + " (start the server with --allow-dir DIR to allow another)");
  }
}
