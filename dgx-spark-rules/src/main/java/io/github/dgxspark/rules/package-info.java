/**
 * Rules over Spark configs: validation, best practice, anti-patterns and security, as a catalog.
 * The facade is {@link io.github.dgxspark.rules.RuleBook}; findings are {@link
 * io.github.dgxspark.rules.Finding} records in a {@link io.github.dgxspark.rules.ValidationReport}.
 * Rule classes live in one subpackage per category and are registered in explicit tables.
 */
package io.github.dgxspark.rules;
