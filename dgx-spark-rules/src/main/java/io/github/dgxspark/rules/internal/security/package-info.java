/**
 * Security: plain-text secrets, authentication without encryption and the reverse, RPC and UI
 * exposure without authentication or ACLs, redaction weakened. Secret values never appear in a
 * finding.
 */
package io.github.dgxspark.rules.internal.security;
