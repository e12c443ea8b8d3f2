/**
 * Rules over Spark configs: validation, best practice, anti-patterns and security, as a catalog.
 * The facade is {@link io.github.dgxspark.rules.RuleBook}; findings are {@link
 * io.github.dgxspark.rules.Finding} records in a {@link io.github.dgxspark.rules.ValidationReport}.
 * Callers add their own rules as a {@link io.github.dgxspark.rules.CustomRule} with {@link
 * io.github.dgxspark.rules.RuleBook#withRule}. The built-in rule classes live in {@code .internal},
 * one subpackage per category, registered in explicit tables.
 */
package io.github.dgxspark.rules;
