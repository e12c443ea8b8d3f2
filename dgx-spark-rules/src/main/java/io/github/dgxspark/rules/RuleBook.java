package io.github.dgxspark.rules;

import io.github.dgxspark.core.ClusterSpec;
import io.github.dgxspark.core.ConfigKey;
import io.github.dgxspark.core.ExecutionMode;
import io.github.dgxspark.core.SparkConfig;
import io.github.dgxspark.core.SparkVersion;
import io.github.dgxspark.rules.internal.KeyRegistry;
import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.ArrayList;
import java.util.Collections;
import java.util.Comparator;
import java.util.LinkedHashMap;
import java.util.List;
import java.util.Locale;
import java.util.Map;
import java.util.Objects;
import java.util.Optional;
import java.util.regex.Pattern;

/**
 * The rules facade: validates a Spark config, optionally against the hardware it will run on, and
 * lists the rule catalog and the known keys.
 *
 * <pre>{@code
 * RuleBook book = RuleBook.builtIn();
 * ValidationReport report = book.validate(SparkConfig.parseDefaults(text), Optional.of(cluster));
 * report.findings(Severity.ERROR).forEach(f -> System.out.println(f.ruleId() + ": " + f.message()));
 * }</pre>
 *
 * <p>Validation never throws for any map of strings: malformed values, bad key names and unknown
 * keys become findings (a {@link CustomRule} added with {@link #withRule} that throws is reported
 * as a {@link RulesException}). Values of keys that name a secret never appear in a finding. A
 * {@code RuleBook} is immutable and safe to share between threads.
 */
public final class RuleBook {
  // the plugin's release numbers: year.month[.patch], e.g. 25.02.1 (docs/download.md)
  private static final Pattern RAPIDS_VERSION = Pattern.compile("[0-9]{2}\\.[0-9]{2}(\\.[0-9]+)?");
  private final List<RuleEntry> entries;
  private final List<Rule> rules;
  private final KeyRegistry keys;

  private RuleBook(List<RuleEntry> entries, List<Rule> rules, KeyRegistry keys) {
    this.entries = List.copyOf(entries);
    this.rules = List.copyOf(rules);
    this.keys = keys;
  }

  /**
   * The built-in catalog ({@code data/rules/catalog.json}) and key list ({@code
   * spark-config-keys.json}), loaded once.
   *
   * @return the shared rule book
   * @throws RulesException if a data file is missing or broken, or the catalog and the rule classes
   *     do not correspond; the message names the file and entry
   */
  public static RuleBook builtIn() {
    return Holder.BUILT_IN;
  }

  private static final class Holder {
    static final RuleBook BUILT_IN = load();
  }

  private static RuleBook load() {
    Catalog catalog = Catalog.load();
    KeyRegistry keys = KeyRegistry.load();
    Map<String, Rule> table = new LinkedHashMap<>();
    for (Rule r : BuiltInRules.classRules()) {
      table.put(r.name(), r);
    }
    List<RuleEntry> entries = new ArrayList<>();
    List<Rule> rules = new ArrayList<>();
    for (RuleEntry e : catalog.entries()) {
      Optional<Catalog.Threshold> t = catalog.threshold(e.name());
      Rule r = t.isPresent() ? new ThresholdRule(e.name(), t.get()) : table.remove(e.name());
      if (r == null) {
        throw new RulesException(
            String.format(
                Locale.ROOT,
                "%s rule '%s' has neither a threshold nor a rule class in the table; expected one",
                Catalog.RESOURCE,
                e.name()));
      }
      entries.add(e);
      rules.add(r);
    }
    if (!table.isEmpty()) {
      throw new RulesException(
          String.format(
              Locale.ROOT,
              "rule classes %s have no entry in %s; expected one entry per class",
              table.keySet(),
              Catalog.RESOURCE));
    }
    return new RuleBook(entries, rules, keys);
  }

  /**
   * This rule book plus a rule of the caller's: the entry describes it as a catalog entry does (its
   * name must be new; its category one of {@link RuleEntry#CATEGORIES}), and the rule runs on every
   * validation whose mode its entry's {@code appliesTo} names, unless the entry is disabled. This
   * book is unchanged; the new one lists the entry among its rules in name order.
   *
   * <pre>{@code
   * RuleBook book = RuleBook.builtIn().withRule(entry, c -> {
   *   if (c.flag("spark.speculation")) {
   *     c.report(List.of("spark.speculation"), Map.of(), "false");
   *   }
   * });
   * }</pre>
   *
   * @param entry the rule's catalog entry: name, category, severity, modes, message with {@code
   *     {placeholders}}, rationale, source, parameters
   * @param rule the check
   * @return a new rule book with the rule
   * @throws RulesException if a rule of that name is already in the book
   */
  public RuleBook withRule(RuleEntry entry, CustomRule rule) {
    Objects.requireNonNull(entry, "entry");
    Objects.requireNonNull(rule, "rule");
    if (rule(entry.name()).isPresent()) {
      throw new RulesException(
          String.format(
              Locale.ROOT,
              "rule '%s' is already in the rule book; expected a name no rule has",
              entry.name()));
    }
    List<RuleEntry> newEntries = new ArrayList<>(entries);
    List<Rule> newRules = new ArrayList<>(rules);
    int at = 0;
    while (at < newEntries.size() && newEntries.get(at).name().compareTo(entry.name()) < 0) {
      at++;
    }
    newEntries.add(at, entry);
    newRules.add(at, new Custom(entry.name(), rule));
    return new RuleBook(newEntries, newRules, keys);
  }

  /** A caller's rule in the table; its exceptions become a {@link RulesException} naming it. */
  private record Custom(String name, CustomRule rule) implements Rule {
    @Override
    public void check(RuleContext context) {
      try {
        rule.check(context);
      } catch (RuntimeException e) {
        throw new RulesException(
            String.format(
                Locale.ROOT,
                "custom rule '%s' failed: %s; expected it to report findings, not throw",
                name,
                e.getMessage()),
            e);
      }
    }
  }

  /**
   * Validates a config.
   *
   * @param config the properties
   * @param hardware the cluster it will run on, or empty to check the config alone (hardware rules
   *     are then skipped)
   * @return the findings, most severe first
   */
  public ValidationReport validate(SparkConfig config, Optional<ClusterSpec> hardware) {
    Objects.requireNonNull(config, "config");
    return validate(config.entries(), hardware);
  }

  /**
   * Validates a config given as a plain map; keys that {@link SparkConfig} would reject (blank,
   * padded, control characters) become findings instead of exceptions.
   *
   * @param properties key → value, neither null
   * @param hardware the cluster it will run on, or empty
   * @return the findings, most severe first
   */
  public ValidationReport validate(Map<String, String> properties, Optional<ClusterSpec> hardware) {
    return validate(properties, hardware, SparkVersion.NEWEST, Optional.empty());
  }

  /**
   * Validates a config for a given Spark release (and RAPIDS Accelerator release): keys that
   * release does not read, values it refuses and its defaults are those of that release.
   *
   * @param properties key → value, neither null
   * @param hardware the cluster it will run on, or empty
   * @param sparkVersion the Spark release the config is for
   * @param rapidsVersion the RAPIDS Accelerator release (e.g. {@code 25.02.1}), or empty for the
   *     newest plugin's defaults
   * @return the findings, most severe first
   * @throws RulesException if the RAPIDS version is not a version
   */
  public ValidationReport validate(
      Map<String, String> properties,
      Optional<ClusterSpec> hardware,
      SparkVersion sparkVersion,
      Optional<String> rapidsVersion) {
    Objects.requireNonNull(properties, "properties");
    Objects.requireNonNull(hardware, "hardware");
    Objects.requireNonNull(sparkVersion, "sparkVersion");
    Objects.requireNonNull(rapidsVersion, "rapidsVersion");
    if (rapidsVersion.isPresent()
        && !RAPIDS_VERSION.matcher(rapidsVersion.get().trim()).matches()) {
      throw new RulesException(
          "RAPIDS Accelerator version '"
              + rapidsVersion.get()
              + "' is not a version; expected YY.MM[.patch], e.g. 25.02.1");
    }
    Map<String, String> copy = new LinkedHashMap<>();
    properties.forEach(
        (k, v) ->
            copy.put(Objects.requireNonNull(k, "key"), Objects.requireNonNull(v, "value of " + k)));
    RuleContext context =
        new RuleContext(
            Collections.unmodifiableMap(copy),
            hardware,
            keys,
            sparkVersion,
            rapidsVersion.map(String::trim));
    boolean gpu = context.gpuRequested();
    int checked = 0;
    for (int i = 0; i < rules.size(); i++) {
      RuleEntry e = entries.get(i);
      if (!e.enabled() || !e.appliesTo().contains(gpu ? ExecutionMode.GPU : ExecutionMode.CPU)) {
        continue;
      }
      context.begin(e);
      rules.get(i).check(context);
      checked++;
    }
    List<Finding> findings = new ArrayList<>(context.findings());
    findings.sort(Comparator.comparing(Finding::severity));
    return new ValidationReport(findings, checked);
  }

  /**
   * The rule catalog, sorted by name.
   *
   * @return every rule, enabled or not
   */
  public List<RuleEntry> listRules() {
    return entries;
  }

  /**
   * The catalog as a Markdown document: a table of contents by category, then one section per rule
   * with its severity, modes, message, rationale, parameters and source. {@code RULES.md} in the
   * rules module is this text, and a test keeps the two equal.
   *
   * @return the Markdown text, lines ending in {@code \n}
   */
  public String catalogMarkdown() {
    StringBuilder b = new StringBuilder();
    b.append("# dgx-spark rule catalog\n\n")
        .append("Generated from `data/rules/catalog.json` by `RuleBook.catalogMarkdown()` (also ")
        .append("`dgx-spark-mcp rules --format markdown`); edit the catalog, not this file.\n\n")
        .append(entries.size())
        .append(" rules. Messages show their `{placeholders}`, which a finding fills from the ")
        .append("config and the rule's parameters.\n\n")
        .append("| category | rules | enabled |\n|---|---|---|\n");
    for (String category : RuleEntry.CATEGORIES) {
      List<RuleEntry> inCategory = inCategory(category);
      b.append("| [")
          .append(category)
          .append("](#")
          .append(category)
          .append(") | ")
          .append(inCategory.size())
          .append(" | ")
          .append(inCategory.stream().filter(RuleEntry::enabled).count())
          .append(" |\n");
    }
    for (String category : RuleEntry.CATEGORIES) {
      b.append("\n## ").append(category).append("\n");
      for (RuleEntry e : inCategory(category)) {
        b.append("\n### ")
            .append(e.name())
            .append("\n\n")
            .append("- Severity: ")
            .append(e.severity().name().toLowerCase(Locale.ROOT))
            .append(e.enabled() ? "" : " (disabled)")
            .append("; modes: ")
            .append(
                String.join(
                    ", ",
                    e.appliesTo().stream().map(m -> m.name().toLowerCase(Locale.ROOT)).toList()))
            .append("; since ")
            .append(e.since())
            .append("\n- Message: ")
            .append(e.message())
            .append("\n- Why: ")
            .append(e.rationale())
            .append('\n');
        if (!e.parameters().isEmpty()) {
          b.append("- Parameters: ");
          List<String> ps = new ArrayList<>();
          e.parameters().forEach((k, v) -> ps.add("`" + k + "` = " + RuleContext.formatNumber(v)));
          b.append(String.join(", ", ps)).append('\n');
        }
        b.append("- Source: ").append(e.source()).append('\n');
      }
    }
    return b.toString();
  }

  private List<RuleEntry> inCategory(String category) {
    return entries.stream().filter(e -> e.category().equals(category)).toList();
  }

  /**
   * One rule of the catalog.
   *
   * @param name the rule's name
   * @return its entry, if the catalog has it
   */
  public Optional<RuleEntry> rule(String name) {
    return entries.stream().filter(e -> e.name().equals(name)).findFirst();
  }

  /**
   * The Spark, Spark SQL and RAPIDS keys the syntax rules know.
   *
   * @return every known key in file order
   */
  public List<ConfigKey> knownKeys() {
    return keys.keys();
  }

  /**
   * The known key matching a name (wildcard entries included).
   *
   * @param name a property name
   * @return its definition, if known
   */
  public Optional<ConfigKey> key(String name) {
    return keys.find(Objects.requireNonNull(name, "name"));
  }
}
