package io.github.dgxspark.rules.internal.security;

import io.github.dgxspark.rules.internal.Rule;
import java.util.List;

/** The explicit table of the security rules (no reflection). */
public final class SecurityRules {
  private SecurityRules() {}

  /**
   * One instance of every security rule class.
   *
   * @return the rules
   */
  public static List<Rule> all() {
    return List.of(
        new AuthWithoutEncryptionRule(),
        new ClusterWithoutAuthenticationRule(),
        new EncryptionWithoutAuthRule(),
        new PlainTextSecretRule(),
        new RedactionRegexWeakenedRule(),
        new RpcExposedWithoutAuthRule(),
        new SecretInValueRule(),
        new SpillUnencryptedRule(),
        new UiWithoutAclsRule());
  }
}
