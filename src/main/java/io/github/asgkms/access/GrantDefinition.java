package io.github.asgkms.access;

/**
 * A grant as the rendered output asks its grant manager to create it.
 *
 * @param keyArn the key the grant is on
 * @param request what CreateGrant sends
 * @param retireOnDelete whether it is retired (true) or revoked (false) when destroyed
 * @param caller who creates it: the role behind a CloudFormation custom resource, or null for
 *     the grant creator the spec names
 * @param origin the file and resource it was read from
 */
public record GrantDefinition(String keyArn, GrantRequest request, boolean retireOnDelete,
    String caller, String origin) {

  public GrantDefinition withRequest(GrantRequest changed) {
    return new GrantDefinition(keyArn, changed, retireOnDelete, caller, origin);
  }
}
