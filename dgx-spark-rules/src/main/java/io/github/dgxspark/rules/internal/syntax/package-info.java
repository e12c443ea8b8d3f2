/**
 * Syntax and type rules: key names, unknown and deprecated keys, and values that do not parse as
 * the key's type (sizes and times with core's ByteSizes and SparkDurations).
 */
package io.github.dgxspark.rules.internal.syntax;
