# Custom::KmsGrant, from asg-kms-maven-plugin: a KMS grant created from this account, on a key
# in another account, for the Auto Scaling service-linked role. CloudFormation has no grant
# resource. Properties: KeyId (the key ARN), GranteePrincipal, Operations, Name and
# RetiringPrincipal (this function's role).
#
# Create creates the grant; the grant ID is the physical ID and GrantToken an attribute, masked
# (NoEcho). Update creates the grant of the new properties and answers its ID; it never deletes
# the old grant. Same properties: KMS gives the same grant back (Name makes CreateGrant
# idempotent), so the ID is unchanged. Changed ones: a new ID, which CloudFormation treats as a
# replacement; it deletes the old grant itself, in the cleanup phase, once the whole update has
# succeeded. On rollback it sends Update back to the old properties, gets the old grant, which
# is still there, and deletes the new one. Delete retires the grant as its retiring principal:
# one never created, or already gone, counts as deleted. Every outcome is sent to
# CloudFormation, and a timer sends FAILED shortly before the function times out, so no stack
# waits for an answer that will not come. Only boto3 (with its botocore) and the standard
# library are used.
import json
import threading
import time
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

# The timer answers this long before the function's timeout.
TIMER_MARGIN_SECONDS = 10
# Short timeouts and few retries, so that a KMS call ends well before the timer.
KMS_CONFIG = Config(connect_timeout=5, read_timeout=15,
                    retries={"max_attempts": 3, "mode": "standard"})
# A new role's policies take a few seconds to reach KMS, which refuses CreateGrant until then:
# pauses between attempts after AccessDeniedException, 31 seconds in all.
ACCESS_DENIED_PAUSES_SECONDS = (1, 2, 4, 8, 8, 8)
# No pause unless this much time is left after it, for the next call and the answer: with the
# function's 120 seconds, the pauses above always fit.
RESERVE_SECONDS = 40
# The physical ID of a grant that was not created. A grant ID has no dash or colon, so Delete
# knows that there is nothing to delete.
NOT_CREATED = "not-created:"
# KMS errors that mean the grant is gone already. InvalidGrantId also answers a physical ID
# that CloudFormation made up when no response came.
GONE = ("NotFoundException", "InvalidGrantIdException")
# CloudFormation refuses a larger response body.
MAX_BODY_BYTES = 4096


def handler(event, context):
    print(json.dumps({k: event.get(k) for k in
                      ("RequestType", "LogicalResourceId", "PhysicalResourceId",
                       "ResourceProperties")}))
    responder = Responder(event)
    unchanged_id = event.get("PhysicalResourceId") or NOT_CREATED + event["RequestId"]
    timer = threading.Timer(
        max(context.get_remaining_time_in_millis() / 1000 - TIMER_MARGIN_SECONDS, 0),
        responder.send,
        ("FAILED", "No outcome before the function's timeout; see its log stream "
         + context.log_stream_name, unchanged_id))
    timer.daemon = True
    timer.start()
    try:
        grant_id, data = ACTIONS[event["RequestType"]](event, context)
        if (not responder.send("SUCCESS", "OK", grant_id, data)
                and event["RequestType"] == "Create"):
            # The timer answered FAILED first: retire the grant that CloudFormation will
            # never know of. Not after an Update: its grant may be one the stack still holds,
            # the old one that a rollback gets back.
            retire(event["ResourceProperties"]["KeyId"], grant_id)
    except Exception as error:  # every failure is an answer, never a silent stack
        print("FAILED:", repr(error))
        responder.send("FAILED", f"{type(error).__name__}: {error}", unchanged_id)
    finally:
        timer.cancel()


def on_create(event, context):
    return create(event["ResourceProperties"], context)


def on_update(event, context):
    return create(event["ResourceProperties"], context)


def on_delete(event, context):
    retire(event["ResourceProperties"]["KeyId"], event["PhysicalResourceId"])
    return event["PhysicalResourceId"], None


ACTIONS = {"Create": on_create, "Update": on_update, "Delete": on_delete}


def kms(key_arn):
    # KMS serves a key only in its own Region: the key ARN's fourth field.
    return boto3.client("kms", region_name=key_arn.split(":")[3], config=KMS_CONFIG)


def create(properties, context):
    key_arn = properties["KeyId"]
    request = {"KeyId": key_arn, "GranteePrincipal": properties["GranteePrincipal"],
               "Operations": properties["Operations"], "Name": properties["Name"]}
    # A stack written before RetiringPrincipal existed rolls back to grants without one: the
    # same request, so that KMS gives the same grant back.
    if "RetiringPrincipal" in properties:
        request["RetiringPrincipal"] = properties["RetiringPrincipal"]
    client = kms(key_arn)
    pauses = list(ACCESS_DENIED_PAUSES_SECONDS)
    while True:
        try:
            grant = client.create_grant(**request)
            break
        except ClientError as error:
            if (error.response["Error"]["Code"] != "AccessDeniedException" or not pauses
                    or context.get_remaining_time_in_millis() / 1000
                    < pauses[0] + RESERVE_SECONDS):
                raise
            pause = pauses.pop(0)
            print("Access denied, maybe while the role's policies propagate; again in",
                  pause, "s")
            time.sleep(pause)
    print("Created grant", grant["GrantId"], "on", key_arn)
    return grant["GrantId"], {"GrantToken": grant["GrantToken"]}


def retire(key_arn, grant_id):
    if grant_id.startswith(NOT_CREATED):
        print("No grant was created:", grant_id)
        return
    try:
        # As the grant's retiring principal, this role needs no permission for it, and no
        # other deletion: RevokeGrant would need the key policy of the key's account.
        kms(key_arn).retire_grant(KeyId=key_arn, GrantId=grant_id)
        print("Retired grant", grant_id, "on", key_arn)
    except ClientError as error:
        if error.response["Error"]["Code"] not in GONE:
            raise
        print("Grant", grant_id, "on", key_arn, "is gone already")


class Responder:
    """Sends the one response CloudFormation waits for: the outcome or the timer's, first."""

    def __init__(self, event):
        self.event = event
        self.lock = threading.Lock()
        self.sent = False

    def send(self, status, reason, physical_id, data=None):
        """Returns False when a response was sent already."""
        with self.lock:
            if self.sent:
                return False
            self.sent = True
        body = {
            "Status": status,
            "Reason": reason,
            "PhysicalResourceId": physical_id,
            "StackId": self.event["StackId"],
            "RequestId": self.event["RequestId"],
            "LogicalResourceId": self.event["LogicalResourceId"],
            # GetAtt of GrantToken shows asterisks, not the token.
            "NoEcho": True,
        }
        if data:
            body["Data"] = data
        payload = encode(body)
        print("Response:", status, physical_id)
        # The pre-signed URL is signed without a Content-Type: send an empty one, not
        # urllib's default.
        request = urllib.request.Request(
            self.event["ResponseURL"], data=payload, method="PUT",
            headers={"Content-Type": "", "Content-Length": str(len(payload))})
        with urllib.request.urlopen(request, timeout=30) as response:
            response.read()
        return True


def encode(body):
    """The body as JSON, its Reason shortened if needed to fit CloudFormation's limit."""
    payload = json.dumps(body).encode()
    if len(payload) <= MAX_BODY_BYTES:
        return payload
    reason, body["Reason"] = body["Reason"], ""
    room = MAX_BODY_BYTES - len(json.dumps(body).encode()) - len("...")
    used = 0
    for end, char in enumerate(reason):
        used += len(json.dumps(char)) - 2  # as JSON writes it: \" or \u00e9 are longer
        if used > room:
            reason = reason[:end]
            break
    body["Reason"] = reason + "..."
    return json.dumps(body).encode()
