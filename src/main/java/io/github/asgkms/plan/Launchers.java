package io.github.asgkms.plan;

import io.github.asgkms.aws.Launcher;
import io.github.asgkms.aws.Partition;
import io.github.asgkms.aws.RoleLauncher;
import io.github.asgkms.aws.ServiceLinkedLauncher;
import io.github.asgkms.spec.Spec;
import java.util.ArrayList;
import java.util.List;
import java.util.Optional;

/**
 * The spec's launchers, in launcher order: the services' service-linked roles first, in the
 * order of {@link ServiceLinkedLauncher}, then the user's own roles in spec order; and their
 * principals by kind, as the statements name them.
 */
final class Launchers {
  final List<LauncherPlan> all;
  final List<LauncherPlan> serviceLinked;
  final List<String> serviceLinkedArns;
  final List<String> roleArns;

  private Launchers(List<LauncherPlan> launchers) {
    all = List.copyOf(launchers);
    serviceLinked = launchers.stream().filter(LauncherPlan::serviceLinked).toList();
    serviceLinkedArns = serviceLinked.stream().map(LauncherPlan::roleArn).toList();
    roleArns = launchers.stream().filter(l -> !l.serviceLinked()).map(LauncherPlan::roleArn)
        .toList();
  }

  static Launchers of(Spec spec) {
    Partition partition = spec.partition();
    String account = spec.autoScalingAccountId();
    List<LauncherPlan> plans = new ArrayList<>();
    for (ServiceLinkedLauncher service : ServiceLinkedLauncher.values()) {
      if (spec.launchers().contains(service)) {
        Optional<String> suffix = spec.serviceLinkedRoleSuffix().filter(s -> service.takesSuffix());
        plans.add(new LauncherPlan(service.id(), true,
            service.roleArn(partition, account, suffix), service.roleName(suffix),
            service.serviceName(), suffix.orElse(null)));
      }
    }
    for (Launcher launcher : spec.launchers()) {
      if (launcher instanceof RoleLauncher role) {
        plans.add(new LauncherPlan(role.id(), false, role.arn().arn(), role.arn().name(), null,
            null));
      }
    }
    return new Launchers(plans);
  }

  /** What the launchers are, in words for an error. */
  String describe() {
    return serviceLinkedArns.size() + " service-linked role(s) and " + roleArns.size()
        + " role(s) of your own among launchers";
  }
}
