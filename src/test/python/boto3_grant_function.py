"""The grant function of each generated stack, run with the real boto3 and botocore against
kms_stub.py, through every request sequence CloudFormation sends a Custom::KmsGrant.

Run by GrantFunctionBoto3Test with Debian's /usr/bin/python3 (python3-boto3, python3-yaml).
The function's code and its resources' properties are read out of the golden cases' stacks
(GOLDEN_CASES: every case rendered in every format, as GrantFunctionBoto3Test gives it) as
CloudFormation reads them. The only change to the real client is its endpoint: boto3.client
gets endpoint_url, so botocore still validates every request against the KMS service model,
signs it with the Lambda credentials, and sends it over HTTP. The pre-signed response URL is
test_grant_function's local server, which records what CloudFormation would receive.

CloudFormation's side follows the CloudFormation User Guide (custom resource request types):
an Update that answers a new physical ID is a replacement, and CloudFormation deletes the old
resource itself, in the cleanup phase, once the whole update has succeeded; on rollback it
sends Update back to the old properties and then deletes the new resource. At every step,
each grant the stack believes in must exist in KMS with the properties the stack gave it.
"""
import os
import time
import types
import unittest
import uuid
from pathlib import Path
from unittest import mock

import boto3
import yaml

import kms_stub
from test_grant_function import Context, ResponseServer

GOLDEN = Path(os.environ.get("GOLDEN_CASES", "src/test/resources/golden"))
STACK_NAME = "asg-kms"
# What Lambda gives the function: the credentials of a session of its role.
ACCESS_KEY, SECRET_KEY, SESSION_TOKEN = "ASIASTUBGRANTFUNCTION", "function-secret", "session"
GRANT_FIELDS = ("KeyId", "GranteePrincipal", "Operations", "Name", "RetiringPrincipal")
# Lambda's own settings, and nothing of the machine's.
for name in [n for n in os.environ if n.startswith("AWS_")]:
    del os.environ[name]
os.environ.update({"AWS_ACCESS_KEY_ID": ACCESS_KEY, "AWS_SECRET_ACCESS_KEY": SECRET_KEY,
                   "AWS_SESSION_TOKEN": SESSION_TOKEN, "AWS_EC2_METADATA_DISABLED": "true",
                   "AWS_CONFIG_FILE": os.devnull, "AWS_SHARED_CREDENTIALS_FILE": os.devnull})


class CloudFormationLoader(yaml.SafeLoader):
    """YAML with CloudFormation's short forms: !GetAtt A.B reads as {"Fn::GetAtt": [A, B]}."""


def _intrinsic(loader, tag, node):
    name = "Ref" if tag == "Ref" else "Fn::" + tag
    if isinstance(node, yaml.ScalarNode):
        value = loader.construct_scalar(node)
        return {name: value.split(".", 1) if tag == "GetAtt" else value}
    if isinstance(node, yaml.SequenceNode):
        return {name: loader.construct_sequence(node, deep=True)}
    return {name: loader.construct_mapping(node, deep=True)}


CloudFormationLoader.add_multi_constructor("!", _intrinsic)


class Stack:
    """A generated stack as deployed in the Auto Scaling account, in the partition of its keys:
    the values CloudFormation would resolve its intrinsic functions to."""

    def __init__(self, path):
        self.path = path
        self.template = yaml.load(path.read_text(encoding="utf-8"), CloudFormationLoader)
        self.resources = self.template["Resources"]
        self.account = path.parent.name.removeprefix("account-")
        self.grants = {name: r for name, r in self.resources.items()
                       if r["Type"] == "Custom::KmsGrant"}
        self.partition = next(iter(self.grants.values()))["Properties"]["KeyId"].split(":")[1]
        self.region = {"aws": "eu-central-1", "aws-cn": "cn-north-1",
                       "aws-us-gov": "us-gov-west-1"}[self.partition]
        self.id = (f"arn:{self.partition}:cloudformation:{self.region}:{self.account}:stack/"
                   f"{STACK_NAME}/{uuid.uuid4()}")
        role = self.resources["GrantFunctionRole"]["Properties"]
        # Without a RoleName, CloudFormation names the role from the stack and logical ID.
        self.role_name = role.get("RoleName", f"{STACK_NAME}-GrantFunctionRole-1A2B3C4D5E6F")
        self.role_arn = (f"arn:{self.partition}:iam::{self.account}:role"
                         f"{role.get('Path', '/')}{self.role_name}")
        self.function_name = f"{STACK_NAME}-GrantFunction-6F5E4D3C2B1A"
        self.code = self.resources["GrantFunction"]["Properties"]["Code"]["ZipFile"]

    def function_identity(self):
        """The credentials Lambda gives the function: a session of its role."""
        return kms_stub.Identity(
            ACCESS_KEY, SECRET_KEY, f"arn:{self.partition}:sts::{self.account}:assumed-role/"
            f"{self.role_name}/{self.function_name}")

    def properties(self, logical_id):
        """A resource's properties as CloudFormation passes them: resolved, scalars as text."""
        return self.resolve(self.grants[logical_id]["Properties"])

    def resolve(self, value):
        if isinstance(value, list):
            return [self.resolve(v) for v in value]
        if not isinstance(value, dict):
            return str(value)
        if set(value) == {"Fn::GetAtt"}:
            return {("GrantFunctionRole", "Arn"): self.role_arn,
                    ("GrantFunction", "Arn"): f"arn:{self.partition}:lambda:{self.region}:"
                    f"{self.account}:function:{self.function_name}"}[tuple(value["Fn::GetAtt"])]
        if set(value) == {"Fn::Sub"}:
            text = value["Fn::Sub"]
            for name, resolved in (("AWS::Partition", self.partition),
                                   ("AWS::AccountId", self.account),
                                   ("AWS::Region", self.region)):
                text = text.replace("${" + name + "}", resolved)
            assert "${" not in text, f"unresolved {text}"
            return text
        assert not any(k.startswith("Fn::") or k == "Ref" for k in value), f"resolve {value}"
        return {k: self.resolve(v) for k, v in value.items()}


def stacks():
    """Every golden stack that holds grants."""
    paths = sorted(GOLDEN.glob("*/expected/cloudformation/*/auto-scaling-account-stack.yaml"))
    found = [s for s in map(Stack, (p for p in paths
                                    if "Custom::KmsGrant" in p.read_text(encoding="utf-8")))]
    assert found, "no golden stack holds a Custom::KmsGrant"
    return found


class CloudFormation:
    """Plays CloudFormation for one Custom::KmsGrant: sends each request as CloudFormation
    does and keeps what the stack believes, the current resource and, during an update, the
    old ones that it will delete in the cleanup phase or return to on rollback."""

    def __init__(self, test, stack, logical_id):
        self.test, self.stack, self.logical_id = test, stack, logical_id
        self.current = None  # (physical ID, properties)
        self.old = []

    def believed(self):
        return [r for r in [self.current, *self.old] if r is not None]

    def send(self, request_type, properties, physical_id=None, old_properties=None):
        event = {"RequestType": request_type, "ResponseURL": self.test.responses.url,
                 "StackId": self.stack.id, "RequestId": str(uuid.uuid4()),
                 "ResourceType": "Custom::KmsGrant", "LogicalResourceId": self.logical_id,
                 "ResourceProperties": properties}
        if physical_id is not None:
            event["PhysicalResourceId"] = physical_id
        if old_properties is not None:
            event["OldResourceProperties"] = old_properties
        before = len(self.test.responses.requests)
        self.test.function.handler(event, Context())
        answers = self.test.responses.wait_for(before + 1)[before:]
        self.test.assertEqual(len(answers), 1, "one response per request")
        response = answers[0]["json"]
        self.test.assertEqual(response["RequestId"], event["RequestId"])
        self.test.assertEqual(response["LogicalResourceId"], self.logical_id)
        return response

    def create(self):
        properties = self.stack.properties(self.logical_id)
        response = self.send("Create", properties)
        if response["Status"] == "SUCCESS":
            self.current = (response["PhysicalResourceId"], properties)
        return response

    def update(self, properties):
        physical_id, old_properties = self.current
        response = self.send("Update", properties, physical_id, old_properties)
        self.test.assertEqual(response["Status"], "SUCCESS", response)
        if response["PhysicalResourceId"] != physical_id:
            self.old.append(self.current)
        self.current = (response["PhysicalResourceId"], properties)
        return response

    def cleanup(self):
        """The cleanup phase of a successful update: Delete of each replaced resource."""
        while self.old:
            physical_id, properties = self.old.pop()
            response = self.send("Delete", properties, physical_id)
            self.test.assertEqual(response["Status"], "SUCCESS", response)

    def roll_back(self):
        """Update back to the properties before the replacement, then cleanup."""
        back_to = self.old.pop()
        physical_id, properties = self.current
        self.old.append(self.current)
        response = self.send("Update", back_to[1], physical_id, properties)
        self.test.assertEqual(response["Status"], "SUCCESS", response)
        self.current = (response["PhysicalResourceId"], back_to[1])
        return response

    def delete(self, physical_id=None):
        """Delete of the current resource, or of a physical ID that CloudFormation holds."""
        properties = self.current[1] if self.current else self.stack.properties(self.logical_id)
        response = self.send("Delete", properties, physical_id or self.current[0])
        self.current = None
        return response


class Sequences:
    """Every CloudFormation request sequence, for one stack's grant; see the subclasses."""

    stack = None
    logical_id = None

    def setUp(self):
        self.kms = kms_stub.AwsStub([self.stack.function_identity()]).start()
        self.addCleanup(self.kms.close)
        self.responses = ResponseServer()
        self.addCleanup(self.responses.close)
        os.environ["AWS_REGION"] = os.environ["AWS_DEFAULT_REGION"] = self.stack.region
        # The real client, pointed at the stub: botocore validates, signs and sends as ever.
        real_client = boto3.client

        def client_at_the_stub(*args, **kwargs):
            return real_client(*args, **kwargs, endpoint_url=self.kms.url)

        patch = mock.patch.object(boto3, "client", client_at_the_stub)
        patch.start()
        self.addCleanup(patch.stop)
        self.function = types.ModuleType("index")
        exec(compile(self.stack.code, f"{self.stack.path}:ZipFile", "exec"),
             self.function.__dict__)
        self.cloudformation = CloudFormation(self, self.stack, self.logical_id)
        self.properties = self.stack.properties(self.logical_id)

    # -- what the stack believes, against what KMS holds -----------------------------------

    def assert_believed_grants_exist(self, exactly=False):
        grants = self.kms.grants
        for physical_id, properties in self.cloudformation.believed():
            self.assertIn(physical_id, grants, "a grant the stack believes in is gone")
            for field in GRANT_FIELDS:
                self.assertEqual(grants[physical_id].get(field), properties.get(field), field)
        if exactly:
            self.assertEqual(set(grants), {r[0] for r in self.cloudformation.believed()},
                             "a grant the stack does not know of")

    def assert_create_grant_sent(self, request, properties):
        self.assertEqual(request["operation"], "CreateGrant")
        self.assertIsNone(request["error"])
        self.assertEqual(request["params"],
                         {f: properties[f] for f in GRANT_FIELDS if f in properties})
        self.assertEqual(request["service"], "kms")
        self.assertEqual(request["region"], properties["KeyId"].split(":")[3])
        self.assertEqual(request["caller"], self.stack.function_identity().arn)

    def assert_retired_as_retiring_principal(self, request, key_arn, grant_id):
        self.assertEqual(request["operation"], "RetireGrant")
        self.assertEqual(request["params"], {"KeyId": key_arn, "GrantId": grant_id})
        self.assertEqual(request["region"], key_arn.split(":")[3])
        self.assertEqual(request.get("allowedAs"), "RetiringPrincipal")

    def assert_cleanup_retires(self, grant_id, leaving):
        """The cleanup phase retires the replaced grant, and leaves only the current one."""
        self.cloudformation.cleanup()
        self.assert_retired_as_retiring_principal(
            self.kms.calls()[-1], self.properties["KeyId"], grant_id)
        self.assertEqual(list(self.kms.grants), [leaving])
        self.assert_believed_grants_exist(exactly=True)

    def assert_success_masks_the_token(self, response):
        self.assertEqual(response["Status"], "SUCCESS", response)
        self.assertIs(response.get("NoEcho"), True)
        self.assertEqual(set(response.get("Data", {})), {"GrantToken"})

    def changed(self):
        """The grant's properties with fewer operations: a different grant, a new ID."""
        return {**self.properties, "Operations": self.properties["Operations"][:1]}

    # -- the sequences ---------------------------------------------------------------------

    def test_create(self):
        response = self.cloudformation.create()

        self.assert_success_masks_the_token(response)
        [request] = self.kms.calls()
        self.assert_create_grant_sent(request, self.properties)
        self.assertEqual(self.kms.grants[response["PhysicalResourceId"]]["GrantId"],
                         response["PhysicalResourceId"])
        self.assert_believed_grants_exist(exactly=True)

    def test_update_without_replacement_keeps_the_grant(self):
        grant_id = self.cloudformation.create()["PhysicalResourceId"]

        response = self.cloudformation.update({**self.properties, "ServiceTimeout": "600"})

        self.assert_success_masks_the_token(response)
        self.assertEqual(response["PhysicalResourceId"], grant_id)
        self.assertEqual([r["operation"] for r in self.kms.calls()],
                         ["CreateGrant", "CreateGrant"])
        self.assert_believed_grants_exist(exactly=True)

    def test_replacement_keeps_the_old_grant_until_the_cleanup_deletes_it(self):
        old_id = self.cloudformation.create()["PhysicalResourceId"]

        response = self.cloudformation.update(self.changed())

        self.assert_success_masks_the_token(response)
        new_id = response["PhysicalResourceId"]
        self.assertNotEqual(new_id, old_id)
        self.assert_create_grant_sent(self.kms.calls()[-1], self.changed())
        self.assertEqual([r["operation"] for r in self.kms.calls()],
                         ["CreateGrant", "CreateGrant"], "Update deletes nothing")
        self.assert_believed_grants_exist(exactly=True)

        self.assert_cleanup_retires(old_id, leaving=new_id)

    def test_rollback_returns_to_the_old_grant_which_is_still_there(self):
        old_id = self.cloudformation.create()["PhysicalResourceId"]
        new_id = self.cloudformation.update(self.changed())["PhysicalResourceId"]
        self.assert_believed_grants_exist()

        response = self.cloudformation.roll_back()

        self.assert_success_masks_the_token(response)
        self.assertEqual(response["PhysicalResourceId"], old_id, "the old grant, back")
        self.assert_believed_grants_exist(exactly=True)

        self.assert_cleanup_retires(new_id, leaving=old_id)

    def test_delete_retires_the_grant_as_its_retiring_principal(self):
        grant_id = self.cloudformation.create()["PhysicalResourceId"]

        response = self.cloudformation.delete()

        self.assertEqual(response["Status"], "SUCCESS", response)
        self.assertEqual(response["PhysicalResourceId"], grant_id)
        self.assertEqual([r["operation"] for r in self.kms.calls()],
                         ["CreateGrant", "RetireGrant"])
        self.assert_retired_as_retiring_principal(
            self.kms.calls()[-1], self.properties["KeyId"], grant_id)
        self.assertEqual(self.kms.grants, {})

    def test_delete_of_a_grant_already_gone_succeeds(self):
        grant_id = self.cloudformation.create()["PhysicalResourceId"]
        self.kms.grants.clear()

        response = self.cloudformation.delete()

        self.assertEqual(response["Status"], "SUCCESS", response)
        self.assertEqual(self.kms.calls()[-1]["error"], "NotFoundException")
        self.assertEqual(response["PhysicalResourceId"], grant_id)

    def test_delete_of_an_id_cloudformation_made_up_succeeds(self):
        # Without a response to Create, CloudFormation's own ID, which is no grant ID.
        made_up = f"{STACK_NAME}-{self.logical_id}-1A2B3C4D5E6F"

        response = self.cloudformation.delete(made_up)

        self.assertEqual(response["Status"], "SUCCESS", response)
        self.assertEqual([r["error"] for r in self.kms.calls()], ["InvalidGrantIdException"])

    def test_delete_of_a_create_that_failed_calls_no_kms(self):
        self.kms.fail("CreateGrant", "DisabledException", message="key is disabled")
        failed = self.cloudformation.create()
        self.assertEqual(failed["Status"], "FAILED")
        self.assertIn("DisabledException", failed["Reason"])
        self.assertTrue(failed["PhysicalResourceId"].startswith("not-created:"), failed)

        response = self.cloudformation.delete(failed["PhysicalResourceId"])

        self.assertEqual(response["Status"], "SUCCESS", response)
        self.assertEqual([r["operation"] for r in self.kms.calls()], ["CreateGrant"])
        self.assertEqual(self.kms.grants, {})

    def test_create_retries_while_the_new_roles_policies_propagate(self):
        self.kms.fail("CreateGrant", "AccessDeniedException", times=2,
                      message=f"User: {self.stack.function_identity().arn} is not authorized "
                      "to perform: kms:CreateGrant")
        start = time.monotonic()

        response = self.cloudformation.create()

        self.assert_success_masks_the_token(response)
        calls = self.kms.calls()
        self.assertEqual([r["error"] for r in calls],
                         ["AccessDeniedException", "AccessDeniedException", None])
        for request in calls:
            self.assertEqual(request["params"], calls[-1]["params"])
        self.assert_create_grant_sent(calls[-1], self.properties)
        self.assertLess(time.monotonic() - start, 60, "well inside the Lambda timeout")
        self.assert_believed_grants_exist(exactly=True)


def _test_classes():
    for stack in stacks():
        case = stack.path.relative_to(GOLDEN).parts[0]
        for logical_id in stack.grants:
            name = "".join(p.capitalize() for p in case.split("-")) + logical_id
            yield name, type(name, (Sequences, unittest.TestCase),
                             {"stack": stack, "logical_id": logical_id})


globals().update(_test_classes())

if __name__ == "__main__":
    unittest.main()
