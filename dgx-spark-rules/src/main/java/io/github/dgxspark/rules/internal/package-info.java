/**
 * The rules' implementation, not an API: the rule context, the key registry and, in one subpackage
 * per category, the built-in rule classes and their explicit tables. Types here may change in any
 * release; callers use {@link io.github.dgxspark.rules.RuleBook} and add their own rules as a
 * {@link io.github.dgxspark.rules.CustomRule}.
 */
package io.github.dgxspark.rules.internal;
