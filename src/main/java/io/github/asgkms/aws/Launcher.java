package io.github.asgkms.aws;

/**
 * Who calls EC2 to launch instances with the key, and so needs its use: a service through its
 * service-linked role ({@link ServiceLinkedLauncher}), or a role of the user's own
 * ({@link RoleLauncher}), such as a node autoscaler's controller.
 */
public sealed interface Launcher permits ServiceLinkedLauncher, RoleLauncher {
  /** The launcher as the spec writes it: {@code autoscaling}, or the role's ARN. */
  String id();
}
