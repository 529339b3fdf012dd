package io.github.asgkms.access;

import java.util.List;
import java.util.Map;

/**
 * The call sequences and probes of {@code src/main/resources/access/}, as read: each consumer's
 * real calls, written down as data with their sources, so that what is replayed can be checked
 * against the provider's code or the AWS page it cites.
 */
final class SequenceData {
  private SequenceData() {}

  /** Which keys a per-key step or probe is for. */
  enum Keys {
    ALL,
    /** Keys in the Auto Scaling account, and keys in other accounts whose grant, as the spec
     * asks for it, has the step's operation. */
    GRANTED,
    SAME_ACCOUNT,
    OTHER_ACCOUNT,
    COMPLETE_POLICY
  }

  /** What a step expects. */
  enum Expect {
    ALLOWED,
    REFUSED,
    LISTED,
    NOT_LISTED,
    /** Refused wherever the plan's own documents refuse it: a probe for excess access. */
    REFUSED_AS_PLANNED
  }

  /**
   * One call, or the replay of another sequence.
   *
   * @param name the step's name
   * @param call the operation, such as {@code ListGrants}, or {@code sts:GetCallerIdentity}
   * @param replay the sequence to replay instead of a call, or null
   * @param grant for CreateGrant: which grant to ask for ({@code rendered}, {@code
   *     forTheVolume}, ...), or null
   * @param forAwsResource whether the call is sent for an AWS resource
   * @param expect what must come of it
   * @param when a binding that must be true for the step to run, or null
   * @param unless a binding that must be false for the step to run, or null
   * @param keys which keys a per-key step is for
   * @param source where the call is documented
   */
  record Step(String name, String call, String replay, String grant, boolean forAwsResource,
      Expect expect, String when, String unless, Keys keys, String source) {}

  /**
   * What the CloudFormation function does for one request type.
   *
   * @param call the KMS operation
   * @param skipPrefix a physical ID prefix for which it calls nothing, or null
   * @param gone the error codes that count as done
   */
  record Handler(String call, String skipPrefix, List<String> gone, String source) {}

  /**
   * One CloudFormation event: a request to the function, or a replay.
   *
   * @param request Create, Update or Delete; null for a replay
   * @param properties {@code rendered} or {@code renamed}
   * @param target for Delete: {@code current} or {@code cleanup}
   * @param expect {@code samePhysicalId}, {@code newPhysicalId}, {@code firstPhysicalId},
   *     {@code noGrantLeft}, {@code noCall}, or null
   * @param fails whether the function fails before its KMS call
   * @param replay the sequence to replay, or null
   */
  record Event(String request, String properties, String target, String expect, boolean fails,
      String replay, String source) {}

  record Scenario(String name, List<Event> events) {}

  /**
   * A sequence.
   *
   * @param id its file's name
   * @param title how messages name it
   * @param grantManager the spec's grantManager it is replayed for, or null for any
   * @param caller who makes the calls
   * @param once steps made once
   * @param perGrant steps made for each grant
   * @param perKey steps made for each key
   * @param handlers CloudFormation only: the function's calls per request type
   * @param scenarios CloudFormation only: what CloudFormation sends, per scenario
   * @param viaService the service that sends every call on the caller's behalf
   *     ({@code ec2}: EC2 in the key's Region), or null for calls the caller sends itself
   */
  record Sequence(String id, String title, String grantManager, String caller, String source,
      List<Step> once, List<Step> perGrant, List<Step> perKey, Map<String, Handler> handlers,
      List<Scenario> scenarios, String viaService) {}

  /**
   * A call that must be refused, or decided as planned.
   *
   * @param callers who tries it
   * @param layer {@code all}, or {@code identity} for the caller's IAM policies alone
   * @param calls the operations, or the names everyKeyAction and notGranted
   * @param grants for CreateGrant, which grants to ask for
   * @param viaService the service the calls are sent through (see {@link Lane#service}), or
   *     null for calls the caller sends itself
   */
  record Probe(String name, List<String> callers, Keys keys, List<String> calls,
      List<String> grants, boolean forAwsResource, String layer, Expect expect, String source,
      String viaService) {}
}
