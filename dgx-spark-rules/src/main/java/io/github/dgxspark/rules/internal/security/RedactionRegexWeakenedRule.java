package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.internal.Rule;
import io.github.dgxspark.rules.internal.RuleContext;
import java.util.ArrayList;
import java.util.List;
import java.util.Map;
import java.util.regex.Pattern;
import java.util.regex.PatternSyntaxException;

/**
 * Reports a {@code spark.redaction.regex} that no longer matches password, secret or token keys (or
 * does not compile): the UI, event logs and environment page then show those secrets.
 */
final class RedactionRegexWeakenedRule implements Rule {
  private static final String KEY = "spark.redaction.regex";
  private static final String DEFAULT = "(?i)secret|password|token|access[.]?key";

  @Override
  public String name() {
    return "RedactionRegexWeakened";
  }

  @Override
  public void check(RuleContext c) {
    if (!c.isSet(KEY)) {
      return;
    }
    List<String> missed = new ArrayList<>();
    try {
      Pattern p = Pattern.compile(c.value(KEY).orElse(""));
      for (String probe :
          List.of(
              "spark.ssl.keyPassword",
              "spark.authenticate.secret",
              "spark.hadoop.fs.s3a.session.token")) {
        if (!p.matcher(probe).find()) {
          missed.add(probe);
        }
      }
    } catch (PatternSyntaxException e) {
      missed.add("every key (the expression does not compile)");
    }
    if (!missed.isEmpty()) {
      c.report(List.of(KEY), Map.of("missed", String.join(", ", missed)), DEFAULT);
    }
  }
}
