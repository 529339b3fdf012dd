package io.github.asgkms.spec;

import io.github.asgkms.aws.ServiceLinkedLauncher;

/**
 * The names a key gives what is made for it, beside its own: its replicas, and its grants for
 * launchers other than Auto Scaling. They name files and resources, so the spec's rules keep
 * them apart from every key's name.
 */
public final class KeyNames {
  private KeyNames() {}

  /** The name of the replica of key {@code name} in {@code region}: {@code <name>-<region>}. */
  public static String replica(String name, String region) {
    return name + "-" + region;
  }

  /**
   * The name of the grant on the key (or replica) {@code keyName} for {@code launcher}: the
   * key's own name for Auto Scaling, as before there were other launchers, else
   * {@code <keyName>-<launcher>}.
   */
  public static String grant(String keyName, ServiceLinkedLauncher launcher) {
    return launcher == ServiceLinkedLauncher.AUTOSCALING ? keyName
        : keyName + "-" + launcher.id();
  }

  /** The grant's KMS name: {@code base} for Auto Scaling, else {@code <base>-<launcher>}. */
  public static String grantName(String base, ServiceLinkedLauncher launcher) {
    return launcher == ServiceLinkedLauncher.AUTOSCALING ? base : base + "-" + launcher.id();
  }
}
