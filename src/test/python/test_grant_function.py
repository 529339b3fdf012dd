"""Tests of the Custom::KmsGrant function, run by GrantFunctionPythonTest with python3 -m unittest.

The code under test is read out of a generated stack's ZipFile (GRANT_FUNCTION_STACK, by
default a golden one), so that the tested code is the shipped code. boto3 is replaced by a
stub KMS client that behaves as KMS is documented to, and the pre-signed response URL by a
local HTTP server that records what CloudFormation would receive. Standard library only.
"""
import http.server
import json
import os
import sys
import threading
import time
import types
import unittest
from pathlib import Path

STACK = Path(os.environ.get(
    "GRANT_FUNCTION_STACK",
    "src/test/resources/golden/cloudformation-new-account/expected/cloudformation/"
    "account-111122223333/auto-scaling-account-stack.yaml"))

KEY = "arn:aws:kms:us-west-2:444455556666:key/1a2b3c4d-5e6f-1a2b-3c4d-5e6f1a2b3c4d"
OTHER_KEY = "arn:aws:kms:eu-west-1:777788889999:key/abcdefab-cdef-abcd-efab-cdefabcdefab"
ROLE = ("arn:aws:iam::111122223333:role/aws-service-role/autoscaling.amazonaws.com/"
        "AWSServiceRoleForAutoScaling")
OPERATIONS = ["Decrypt", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom", "ReEncryptTo",
              "CreateGrant"]
# The function's own role, as !GetAtt GrantFunctionRole.Arn gives it: the retiring principal.
FUNCTION_ROLE = "arn:aws:iam::111122223333:role/asg-kms-GrantFunctionRole-1A2B3C4D5E6F"
PROPERTIES = {"KeyId": KEY, "GranteePrincipal": ROLE, "Operations": OPERATIONS,
              "Name": "asg-golden-ami", "RetiringPrincipal": FUNCTION_ROLE}
REQUIRED_FIELDS = {"Status", "Reason", "PhysicalResourceId", "StackId", "RequestId",
                   "LogicalResourceId"}


def zip_file_code(template):
    """The ZipFile literal block of a template, as YAML reads it (clip chomping)."""
    lines = template.split("\n")
    start = next(i for i, line in enumerate(lines) if line.strip() == "ZipFile: |")
    key_indent = len(lines[start]) - len(lines[start].lstrip())
    block = []
    for line in lines[start + 1:]:
        if line.strip() and len(line) - len(line.lstrip()) <= key_indent:
            break
        block.append(line)
    while block and not block[-1].strip():
        block.pop()
    indent = min(len(line) - len(line.lstrip()) for line in block if line.strip())
    return "\n".join(line[indent:] for line in block) + "\n"


CODE = zip_file_code(STACK.read_text(encoding="utf-8"))


class ClientError(Exception):
    """botocore.exceptions.ClientError's shape and message."""

    def __init__(self, code, operation, message="stub message"):
        super().__init__(f"An error occurred ({code}) when calling the {operation} "
                         f"operation: {message}")
        self.response = {"Error": {"Code": code, "Message": message}}


class StubKms:
    """A KMS client holding grants in memory, with failures to order per operation.

    It is called as the function's role, which the key policy lets create grants and nothing
    more: RevokeGrant is denied, and RetireGrant allowed on the grants the role retires.
    """

    def __init__(self):
        self.grants = {}
        self.calls = []
        self.failures = {}
        self.regions = []
        self.gate = None
        self.tokens = 0
        self.ids = 0

    def fail(self, operation, code, message="stub message", key=None, times=None):
        """Makes later calls of the operation fail: every one, or the next few, on any key or
        only on the key given."""
        self.failures[operation] = (ClientError(code, operation, message), key, times)

    def _call(self, operation, params):
        self.calls.append((operation, params))
        error, key, times = self.failures.get(operation, (None, None, None))
        if error is not None and key in (None, params["KeyId"]):
            if times is not None:
                if times == 0:
                    return
                self.failures[operation] = (error, key, times - 1)
            raise error

    def create_grant(self, **params):
        self._call("CreateGrant", params)
        if self.gate is not None:
            self.gate.wait(5)
        self.tokens += 1
        # With a Name, KMS answers a repeated request with the existing grant's ID.
        grant_id = next((g for g, p in self.grants.items() if p == params), None)
        if grant_id is None:
            self.ids += 1
            grant_id = f"{self.ids:064x}"
        self.grants[grant_id] = params
        return {"GrantId": grant_id, "GrantToken": f"token-{self.tokens}"}

    def revoke_grant(self, **params):
        self._call("RevokeGrant", params)
        raise ClientError("AccessDeniedException", "RevokeGrant",
                          "not authorized to perform: kms:RevokeGrant")

    def retire_grant(self, **params):
        self._call("RetireGrant", params)
        grant = self.grants.get(params["GrantId"])
        if grant is None or grant["KeyId"] != params["KeyId"]:
            raise ClientError("NotFoundException", "RetireGrant")
        if grant.get("RetiringPrincipal") != FUNCTION_ROLE:
            raise ClientError("AccessDeniedException", "RetireGrant",
                              "not the retiring principal")
        del self.grants[params["GrantId"]]


class ResponseServer:
    """Stands in for the pre-signed S3 URL: records each PUT and answers 200."""

    def __init__(self):
        self.requests = []
        received = self.requests

        class Handler(http.server.BaseHTTPRequestHandler):
            def do_PUT(self):
                body = self.rfile.read(int(self.headers["Content-Length"]))
                received.append({"path": self.path, "headers": self.headers,
                                 "body": body, "json": json.loads(body)})
                self.send_response(200)
                self.send_header("Content-Length", "0")
                self.end_headers()

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        threading.Thread(target=self.server.serve_forever, args=(0.01,), daemon=True).start()
        self.url = f"http://127.0.0.1:{self.server.server_address[1]}/response?X-Amz-Signature=s"

    def wait_for(self, count, seconds=5):
        deadline = time.monotonic() + seconds
        while len(self.requests) < count and time.monotonic() < deadline:
            time.sleep(0.01)
        return self.requests

    def close(self):
        self.server.shutdown()
        self.server.server_close()


class Context:
    log_stream_name = "2026/01/01/[$LATEST]0123456789abcdef"

    def __init__(self, seconds=120):
        self.deadline = time.monotonic() + seconds

    def get_remaining_time_in_millis(self):
        return int((self.deadline - time.monotonic()) * 1000)


def load_function(kms):
    """The shipped code as a fresh module, with boto3 and botocore stubbed."""
    boto3 = types.ModuleType("boto3")

    def client(service, region_name=None, config=None):
        assert service == "kms" and config is not None
        kms.regions.append(region_name)
        return kms

    boto3.client = client
    botocore = types.ModuleType("botocore")
    config = types.ModuleType("botocore.config")
    config.Config = lambda **settings: settings
    exceptions = types.ModuleType("botocore.exceptions")
    exceptions.ClientError = ClientError
    sys.modules.update({"boto3": boto3, "botocore": botocore, "botocore.config": config,
                        "botocore.exceptions": exceptions})
    module = types.ModuleType("index")
    exec(compile(CODE, f"{STACK}:ZipFile", "exec"), module.__dict__)
    return module


class GrantFunctionTest(unittest.TestCase):
    def setUp(self):
        self.server = ResponseServer()
        self.kms = StubKms()
        self.function = load_function(self.kms)
        self.requests = 0
        # The pauses between CreateGrant attempts are recorded, not waited.
        self.pauses = []
        self.function.time = types.SimpleNamespace(sleep=self.pauses.append)

    def tearDown(self):
        self.server.close()

    def event(self, request_type, properties=None, physical_id=None, old=None):
        self.requests += 1
        event = {
            "RequestType": request_type,
            "ResponseURL": self.server.url,
            "StackId": "arn:aws:cloudformation:us-west-2:111122223333:stack/asg-kms/1234",
            "RequestId": f"request-{self.requests}",
            "ResourceType": "Custom::KmsGrant",
            "LogicalResourceId": "GoldenAmiGrant",
            # CloudFormation sends every property, ServiceToken included, as it is written.
            "ResourceProperties": {"ServiceToken": "arn:aws:lambda:us-west-2:111122223333:"
                                   "function:asg-kms-GrantFunction", "ServiceTimeout": "300",
                                   **(properties or PROPERTIES)},
        }
        if physical_id is not None:
            event["PhysicalResourceId"] = physical_id
        if old is not None:
            event["OldResourceProperties"] = {"ServiceToken": "x", **old}
        return event

    def invoke(self, event, context=None):
        """Runs the handler; returns the one response it sent."""
        before = len(self.server.requests)
        self.function.handler(event, context or Context())
        responses = self.server.wait_for(before + 1)[before:]
        self.assertEqual(len(responses), 1, "exactly one response per request")
        return responses[0]["json"]

    def create(self):
        return self.invoke(self.event("Create"))["PhysicalResourceId"]

    def test_create_creates_the_grant_in_the_keys_region_and_answers_its_id_and_token(self):
        response = self.invoke(self.event("Create"))

        self.assertEqual(response["Status"], "SUCCESS")
        self.assertEqual([c[0] for c in self.kms.calls], ["CreateGrant"])
        self.assertEqual(self.kms.calls[0][1], PROPERTIES)
        self.assertEqual(self.kms.regions, ["us-west-2"])
        grant_id = response["PhysicalResourceId"]
        self.assertIn(grant_id, self.kms.grants)
        self.assertEqual(response["Data"], {"GrantToken": "token-1"})

    def test_the_response_has_every_required_field_and_goes_where_cloudformation_reads(self):
        event = self.event("Create")
        self.function.handler(event, Context())
        request = self.server.wait_for(1)[0]

        self.assertEqual(request["path"], "/response?X-Amz-Signature=s")
        # The URL is signed without a Content-Type: the header is sent, and empty.
        self.assertIn("Content-Type", request["headers"])
        self.assertEqual(request["headers"]["Content-Type"], "")
        body = request["json"]
        self.assertLessEqual(REQUIRED_FIELDS, set(body))
        self.assertEqual(body["StackId"], event["StackId"])
        self.assertEqual(body["RequestId"], event["RequestId"])
        self.assertEqual(body["LogicalResourceId"], "GoldenAmiGrant")
        self.assertTrue(body["PhysicalResourceId"])

    def test_create_names_the_functions_role_as_the_retiring_principal(self):
        self.invoke(self.event("Create"))

        self.assertEqual(self.kms.calls[0][1]["RetiringPrincipal"], FUNCTION_ROLE)

    def test_the_response_masks_the_grant_token(self):
        response = self.invoke(self.event("Create"))

        # NoEcho: GetAtt GrantToken gives asterisks, and the token shows in no stack event.
        self.assertIs(response["NoEcho"], True)
        self.assertEqual(response["Data"], {"GrantToken": "token-1"})

    def test_update_creates_the_new_grant_and_leaves_the_old_one_to_cloudformation(self):
        old_id = self.create()
        new = {**PROPERTIES, "KeyId": OTHER_KEY, "Operations": ["Decrypt"]}

        response = self.invoke(self.event("Update", new, old_id, PROPERTIES))

        self.assertEqual(response["Status"], "SUCCESS")
        new_id = response["PhysicalResourceId"]
        self.assertNotEqual(new_id, old_id)
        self.assertEqual([c[0] for c in self.kms.calls], ["CreateGrant", "CreateGrant"])
        self.assertEqual(self.kms.calls[1][1], new)
        # A new physical ID is a replacement: CloudFormation deletes the old grant in its
        # cleanup phase, after the whole update has succeeded, not the function now.
        self.assertEqual(sorted(self.kms.grants), sorted([old_id, new_id]))
        self.assertEqual(self.kms.grants[new_id]["KeyId"], OTHER_KEY)
        self.assertEqual(self.kms.regions, ["us-west-2", "eu-west-1"])
        self.assertEqual(response["Data"], {"GrantToken": "token-2"})

    def test_a_replacement_then_its_cleanup_delete_leaves_only_the_new_grant(self):
        old_id = self.create()
        new = {**PROPERTIES, "Operations": ["Decrypt"]}
        new_id = self.invoke(self.event("Update", new, old_id, PROPERTIES))["PhysicalResourceId"]

        cleanup = self.invoke(self.event("Delete", PROPERTIES, old_id))

        self.assertEqual(cleanup["Status"], "SUCCESS")
        self.assertEqual(self.kms.calls[-1], ("RetireGrant", {"KeyId": KEY, "GrantId": old_id}))
        self.assertEqual(list(self.kms.grants), [new_id])

    def test_a_rollback_gets_the_old_grant_back_and_its_cleanup_retires_the_new_one(self):
        old_id = self.create()
        new = {**PROPERTIES, "Operations": ["Decrypt"]}
        new_id = self.invoke(self.event("Update", new, old_id, PROPERTIES))["PhysicalResourceId"]

        # Something else in the stack failed: CloudFormation sends Update back to the old
        # properties, with the new physical ID, then Delete of the new one.
        rollback = self.invoke(self.event("Update", PROPERTIES, new_id, new))
        self.assertEqual(rollback["Status"], "SUCCESS")
        self.assertEqual(rollback["PhysicalResourceId"], old_id)
        self.assertIn(old_id, self.kms.grants)

        cleanup = self.invoke(self.event("Delete", new, new_id))
        self.assertEqual(cleanup["Status"], "SUCCESS")
        self.assertEqual(list(self.kms.grants), [old_id])

    def test_an_update_whose_create_grant_fails_answers_the_old_id_and_keeps_the_old_grant(self):
        old_id = self.create()
        self.kms.fail("CreateGrant", "KMSInvalidStateException", "key is pending deletion",
                      OTHER_KEY)
        new = {**PROPERTIES, "KeyId": OTHER_KEY}

        response = self.invoke(self.event("Update", new, old_id, PROPERTIES))

        self.assertEqual(response["Status"], "FAILED")
        self.assertIn("KMSInvalidStateException", response["Reason"])
        self.assertIn("key is pending deletion", response["Reason"])
        self.assertEqual(response["PhysicalResourceId"], old_id)
        self.assertEqual(list(self.kms.grants), [old_id])

    def test_an_update_of_a_grant_from_before_retiring_principals_gets_it_back_on_rollback(self):
        # A stack generated before RetiringPrincipal: its grant has none, and a rollback to
        # those properties must ask for the same grant, so that KMS gives it back.
        legacy = {k: v for k, v in PROPERTIES.items() if k != "RetiringPrincipal"}
        old_id = self.invoke(self.event("Create", legacy))["PhysicalResourceId"]
        new_id = self.invoke(self.event("Update", PROPERTIES, old_id, legacy))[
            "PhysicalResourceId"]
        self.assertNotEqual(new_id, old_id)

        rollback = self.invoke(self.event("Update", legacy, new_id, PROPERTIES))

        self.assertEqual(rollback["PhysicalResourceId"], old_id)
        self.assertNotIn("RetiringPrincipal", self.kms.calls[-1][1])

    def test_create_tries_again_while_access_is_denied_as_a_new_role_propagates(self):
        self.kms.fail("CreateGrant", "AccessDeniedException", times=3)

        response = self.invoke(self.event("Create"))

        self.assertEqual(response["Status"], "SUCCESS")
        self.assertEqual([c[0] for c in self.kms.calls], ["CreateGrant"] * 4)
        self.assertEqual(self.pauses, list(self.function.ACCESS_DENIED_PAUSES_SECONDS[:3]))
        self.assertIn(response["PhysicalResourceId"], self.kms.grants)

    def test_access_denied_is_tried_again_a_bounded_number_of_times(self):
        self.kms.fail("CreateGrant", "AccessDeniedException",
                      "User is not authorized to perform: kms:CreateGrant")

        response = self.invoke(self.event("Create"))

        self.assertEqual(response["Status"], "FAILED")
        self.assertIn("not authorized", response["Reason"])
        pauses = self.function.ACCESS_DENIED_PAUSES_SECONDS
        self.assertEqual(len(self.kms.calls), len(pauses) + 1)
        # Well inside the function's 120 seconds and the timer's margin.
        self.assertLessEqual(sum(pauses) + self.function.RESERVE_SECONDS,
                             120 - self.function.TIMER_MARGIN_SECONDS)

    def test_no_pause_that_would_leave_too_little_time(self):
        self.kms.fail("CreateGrant", "AccessDeniedException")
        reserve = self.function.RESERVE_SECONDS

        response = self.invoke(self.event("Create"), Context(reserve + 0.5))

        self.assertEqual(response["Status"], "FAILED")
        self.assertEqual(len(self.kms.calls), 1)
        self.assertEqual(self.pauses, [])

    def test_other_errors_are_not_tried_again(self):
        self.kms.fail("CreateGrant", "ValidationException", "bad operations", times=1)

        response = self.invoke(self.event("Create"))

        self.assertEqual(response["Status"], "FAILED")
        self.assertEqual(len(self.kms.calls), 1)

    def test_an_update_that_gets_the_same_grant_back_keeps_it(self):
        grant_id = self.create()

        response = self.invoke(self.event("Update", PROPERTIES, grant_id, PROPERTIES))

        self.assertEqual(response["Status"], "SUCCESS")
        self.assertEqual(response["PhysicalResourceId"], grant_id)
        self.assertEqual([c[0] for c in self.kms.calls], ["CreateGrant", "CreateGrant"])
        self.assertIn(grant_id, self.kms.grants)

    def test_delete_retires_the_grant_as_its_retiring_principal_and_never_revokes(self):
        grant_id = self.create()

        response = self.invoke(self.event("Delete", physical_id=grant_id))

        self.assertEqual(response["Status"], "SUCCESS")
        self.assertEqual(response["PhysicalResourceId"], grant_id)
        self.assertEqual([c[0] for c in self.kms.calls], ["CreateGrant", "RetireGrant"])
        self.assertEqual(self.kms.calls[-1], ("RetireGrant", {"KeyId": KEY, "GrantId": grant_id}))
        self.assertEqual(self.kms.grants, {})

    def test_delete_of_a_grant_already_gone_succeeds(self):
        grant_id = self.create()
        del self.kms.grants[grant_id]

        response = self.invoke(self.event("Delete", physical_id=grant_id))

        self.assertEqual(response["Status"], "SUCCESS")
        self.assertEqual(self.kms.calls[-1][0], "RetireGrant")

    def test_delete_of_a_grant_that_was_never_created_succeeds_without_kms(self):
        self.kms.fail("CreateGrant", "KMSInvalidStateException")
        failed = self.invoke(self.event("Create"))
        self.assertEqual(failed["Status"], "FAILED")

        response = self.invoke(self.event("Delete", physical_id=failed["PhysicalResourceId"]))

        self.assertEqual(response["Status"], "SUCCESS")
        self.assertEqual(response["PhysicalResourceId"], failed["PhysicalResourceId"])
        self.assertEqual([c[0] for c in self.kms.calls], ["CreateGrant"])

    def test_delete_of_an_id_cloudformation_made_up_succeeds(self):
        # Without a response to Create, the ID is CloudFormation's own, not a grant ID.
        self.kms.fail("RetireGrant", "InvalidGrantIdException")

        response = self.invoke(self.event("Delete", physical_id="asg-kms-GoldenAmiGrant-1A2B3C"))

        self.assertEqual(response["Status"], "SUCCESS")

    def test_a_kms_error_on_create_sends_failed_with_the_reason(self):
        self.kms.fail("CreateGrant", "AccessDeniedException",
                      "User is not authorized to perform: kms:CreateGrant")
        # Tried again, and still denied.

        response = self.invoke(self.event("Create"))

        self.assertEqual(response["Status"], "FAILED")
        self.assertIn("AccessDeniedException", response["Reason"])
        self.assertIn("User is not authorized to perform: kms:CreateGrant", response["Reason"])
        self.assertLessEqual(REQUIRED_FIELDS, set(response))
        self.assertTrue(response["PhysicalResourceId"].startswith("not-created:"))
        self.assertNotIn("Data", response)

    def test_a_failed_delete_sends_failed_and_keeps_the_id(self):
        grant_id = self.create()
        self.kms.fail("RetireGrant", "AccessDeniedException", "not the retiring principal")

        response = self.invoke(self.event("Delete", physical_id=grant_id))

        self.assertEqual(response["Status"], "FAILED")
        self.assertIn("not the retiring principal", response["Reason"])
        self.assertEqual(response["PhysicalResourceId"], grant_id)

    def test_any_other_error_is_an_answer_too(self):
        broken = {k: v for k, v in PROPERTIES.items() if k != "KeyId"}

        response = self.invoke(self.event("Create", broken))

        self.assertEqual(response["Status"], "FAILED")
        self.assertIn("KeyError", response["Reason"])
        self.assertIn("KeyId", response["Reason"])

    def test_an_unknown_request_type_fails(self):
        response = self.invoke(self.event("Rename"))

        self.assertEqual(response["Status"], "FAILED")
        self.assertEqual(self.kms.calls, [])

    def test_a_long_reason_is_shortened_to_fit_cloudformations_limit(self):
        # 3,000 characters that JSON writes as 12,000 bytes (\u00e9 and \").
        self.kms.fail("CreateGrant", "ValidationException", "\u00e9\"" * 1500)

        self.function.handler(self.event("Create"), Context())
        request = self.server.wait_for(1)[0]

        self.assertLessEqual(len(request["body"]), 4096)
        self.assertGreater(len(request["body"]), 4000, "as much of the reason as fits")
        self.assertEqual(request["json"]["Status"], "FAILED")
        self.assertTrue(request["json"]["Reason"].endswith("..."))
        self.assertIn("ValidationException", request["json"]["Reason"])

    def test_the_timer_fails_the_request_before_the_function_times_out(self):
        margin = self.function.TIMER_MARGIN_SECONDS
        self.kms.gate = threading.Event()
        invocation = threading.Thread(
            target=self.function.handler, args=(self.event("Create"), Context(margin + 0.3)))
        invocation.start()

        responses = self.server.wait_for(1)
        self.assertEqual(len(responses), 1, "the timer answered while KMS had not")
        self.assertEqual(responses[0]["json"]["Status"], "FAILED")
        self.assertIn("timeout", responses[0]["json"]["Reason"])
        self.assertTrue(responses[0]["json"]["PhysicalResourceId"].startswith("not-created:"))

        # KMS answers late: CloudFormation was told FAILED, so the grant must not stay.
        self.kms.gate.set()
        invocation.join(5)
        self.assertFalse(invocation.is_alive())
        self.assertEqual(len(self.server.requests), 1)
        self.assertEqual([c[0] for c in self.kms.calls], ["CreateGrant", "RetireGrant"])
        self.assertEqual(self.kms.grants, {})

    def test_an_update_answered_late_retires_nothing(self):
        old_id = self.create()
        new = {**PROPERTIES, "Operations": ["Decrypt"]}
        new_id = self.invoke(self.event("Update", new, old_id, PROPERTIES))["PhysicalResourceId"]
        margin = self.function.TIMER_MARGIN_SECONDS
        self.kms.gate = threading.Event()
        before = len(self.server.requests)

        # A rollback whose CreateGrant answers after the timer: it gets the old grant back,
        # which the stack still holds, so nothing may retire it.
        invocation = threading.Thread(target=self.function.handler, args=(
            self.event("Update", PROPERTIES, new_id, new), Context(margin + 0.3)))
        invocation.start()
        responses = self.server.wait_for(before + 1)[before:]
        self.assertEqual(responses[0]["json"]["Status"], "FAILED")
        self.assertEqual(responses[0]["json"]["PhysicalResourceId"], new_id)
        self.kms.gate.set()
        invocation.join(5)

        self.assertFalse(invocation.is_alive())
        self.assertNotIn("RetireGrant", [c[0] for c in self.kms.calls])
        self.assertEqual(sorted(self.kms.grants), sorted([old_id, new_id]))

    def test_no_timer_is_left_running_after_an_answer(self):
        before = threading.active_count()

        self.invoke(self.event("Create"))

        deadline = time.monotonic() + 2
        while threading.active_count() > before and time.monotonic() < deadline:
            time.sleep(0.01)
        self.assertLessEqual(threading.active_count(), before)


if __name__ == "__main__":
    unittest.main()
