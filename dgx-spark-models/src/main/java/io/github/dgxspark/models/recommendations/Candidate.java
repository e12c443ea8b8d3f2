package io.github.dgxspark.models.recommendations;

import io.github.dgxspark.rules.Severity;
import java.util.Collections;
import java.util.Map;
import java.util.Objects;
import java.util.TreeMap;

/**
 * A recommendation before conflicts are resolved and impact, priority, guidance and test plan are
 * added: what to set, why, and where the advice came from.
 */
final class Candidate {
  /** Where a candidate comes from, in precedence order: the first wins a conflict on a key. */
  enum Origin {
    /** A bottleneck the event log shows, with its measured numbers. */
    LOG,
    /** A finding of the rule book. */
    RULE,
    /** The optimizer's reference config. */
    OPTIMIZER
  }

  final String title;
  final TreeMap<String, String> values;
  final String reason;
  final String source;
  final Origin origin;
  final Severity severity;
  final String watch;

  Candidate(
      String title,
      Map<String, String> values,
      String reason,
      String source,
      Origin origin,
      Severity severity,
      String watch) {
    this.title = Objects.requireNonNull(title, "title");
    this.values = new TreeMap<>(values);
    this.reason = Objects.requireNonNull(reason, "reason");
    this.source = Objects.requireNonNull(source, "source");
    this.origin = Objects.requireNonNull(origin, "origin");
    this.severity = Objects.requireNonNull(severity, "severity");
    this.watch = Objects.requireNonNull(watch, "watch");
  }

  Map<String, String> values() {
    return Collections.unmodifiableMap(values);
  }

  /** Precedence in a conflict: origin first, then severity; lower wins. */
  int precedence() {
    return origin.ordinal() * 10 + severity.ordinal();
  }
}
