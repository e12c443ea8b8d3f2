package io.github.dgxspark.adapter;

import static org.junit.jupiter.api.Assertions.assertEquals;

import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.hardware.HardwareProbe;
import io.github.dgxspark.models.eventlog.EventLogs;
import io.github.dgxspark.rules.RuleBook;
import java.io.IOException;
import java.io.UncheckedIOException;
import java.lang.reflect.Constructor;
import java.lang.reflect.Field;
import java.lang.reflect.Member;
import java.lang.reflect.Method;
import java.lang.reflect.Modifier;
import java.net.URISyntaxException;
import java.nio.charset.StandardCharsets;
import java.nio.file.Files;
import java.nio.file.Path;
import java.util.ArrayList;
import java.util.Enumeration;
import java.util.List;
import java.util.TreeSet;
import java.util.jar.JarEntry;
import java.util.jar.JarFile;
import java.util.stream.Stream;
import org.junit.jupiter.api.Test;

/**
 * Pins each library module's public API (Caffeine keeps its API stable the same way): every public
 * type outside {@code .internal} packages and its public and protected members, one line each, must
 * equal {@code src/test/resources/public-api/<module>.txt}. A change to the API is then a reviewed
 * change to that file; run with {@code -Ddgxspark.api.update=true} to rewrite the files after an
 * intended change.
 */
class PublicApiTest {
  private static final Path PINNED = Path.of("src/test/resources/public-api");

  @Test
  void core_publicApiIsThePinnedOne() {
    check("dgx-spark-core", SparkConfig.class);
  }

  @Test
  void hardware_publicApiIsThePinnedOne() {
    check("dgx-spark-hardware", HardwareProbe.class);
  }

  @Test
  void rules_publicApiIsThePinnedOne() {
    check("dgx-spark-rules", RuleBook.class);
  }

  @Test
  void models_publicApiIsThePinnedOne() {
    check("dgx-spark-models", EventLogs.class);
  }

  @Test
  void adapter_publicApiIsThePinnedOne() {
    // the records every use case returns and the Operations facade the CLI and MCP tools share
    check("dgx-spark-mcp-adapter", Operations.class);
  }

  private static void check(String module, Class<?> anchor) {
    String actual = String.join("\n", api(anchor)) + "\n";
    Path file = PINNED.resolve(module + ".txt");
    try {
      if (Boolean.getBoolean("dgxspark.api.update")) {
        Files.createDirectories(PINNED);
        Files.writeString(file, actual, StandardCharsets.UTF_8);
      }
      String pinned = Files.exists(file) ? Files.readString(file, StandardCharsets.UTF_8) : "";
      assertEquals(
          pinned,
          actual,
          module
              + "'s public API differs from "
              + file
              + "; if the change is intended, rerun with -Ddgxspark.api.update=true and review"
              + " the diff");
    } catch (IOException e) {
      throw new UncheckedIOException(e);
    }
  }

  /** The sorted API lines of the module that holds {@code anchor}. */
  static List<String> api(Class<?> anchor) {
    TreeSet<String> lines = new TreeSet<>();
    for (String name : classNames(anchor)) {
      Class<?> c;
      try {
        c = Class.forName(name, false, anchor.getClassLoader());
      } catch (ClassNotFoundException e) {
        throw new IllegalStateException(name, e);
      }
      if (!exported(c)) {
        continue;
      }
      lines.add(kind(c) + " " + c.getName());
      Stream.of(
              Stream.<Member>of(c.getDeclaredConstructors()),
              Stream.<Member>of(c.getDeclaredMethods()),
              Stream.<Member>of(c.getDeclaredFields()))
          .flatMap(s -> s)
          .filter(m -> !m.isSynthetic() && visible(m.getModifiers()))
          .map(m -> c.getName() + " :: " + signature(m))
          .forEach(lines::add);
    }
    return new ArrayList<>(lines);
  }

  private static boolean exported(Class<?> c) {
    if (c.getPackageName().contains(".internal") || c.isSynthetic() || c.isAnonymousClass()) {
      return false;
    }
    for (Class<?> t = c; t != null; t = t.getDeclaringClass()) {
      if (!visible(t.getModifiers()) || t.isLocalClass()) {
        return false;
      }
    }
    return true;
  }

  private static boolean visible(int modifiers) {
    return Modifier.isPublic(modifiers) || Modifier.isProtected(modifiers);
  }

  private static String kind(Class<?> c) {
    if (c.isRecord()) {
      return "record";
    }
    if (c.isEnum()) {
      return "enum";
    }
    if (c.isAnnotation()) {
      return "@interface";
    }
    return c.isInterface() ? "interface" : "class";
  }

  private static String signature(Member m) {
    if (m instanceof Method method) {
      return method.toGenericString();
    }
    if (m instanceof Constructor<?> ctor) {
      return ctor.toGenericString();
    }
    return ((Field) m).toGenericString();
  }

  /** Every class file of the jar or folder {@code anchor} was loaded from. */
  private static List<String> classNames(Class<?> anchor) {
    Path root;
    try {
      root = Path.of(anchor.getProtectionDomain().getCodeSource().getLocation().toURI());
    } catch (URISyntaxException e) {
      throw new IllegalStateException(e);
    }
    List<String> names = new ArrayList<>();
    try {
      if (Files.isDirectory(root)) {
        try (Stream<Path> files = Files.walk(root)) {
          files
              .map(root::relativize)
              .map(Path::toString)
              .filter(f -> f.endsWith(".class") && !f.endsWith("package-info.class"))
              .forEach(
                  f -> names.add(toClassName(f.replace(root.getFileSystem().getSeparator(), "/"))));
        }
      } else {
        try (JarFile jar = new JarFile(root.toFile())) {
          for (Enumeration<JarEntry> e = jar.entries(); e.hasMoreElements(); ) {
            String f = e.nextElement().getName();
            if (f.endsWith(".class")
                && !f.endsWith("package-info.class")
                && !f.startsWith("META-INF/")) {
              names.add(toClassName(f));
            }
          }
        }
      }
    } catch (IOException e) {
      throw new UncheckedIOException(root.toString(), e);
    }
    return names;
  }

  private static String toClassName(String file) {
    return file.substring(0, file.length() - ".class".length()).replace('/', '.');
  }
}
