# Custom::KmsGrant, from asg-kms-maven-plugin: a KMS grant created from this account, on a key
# in another account, for the Auto Scaling service-linked role. CloudFormation has no grant
# resource. Properties: KeyId (the key ARN), GranteePrincipal, Operations, Name.
#
# Create creates the grant; the grant ID is the physical ID and GrantToken an attribute.
# Update creates the new grant, then deletes the old one. Delete deletes the grant: one never
# created, or already gone, counts as deleted. Every outcome is sent to CloudFormation, and a
# timer sends FAILED shortly before the function times out, so no stack waits for an answer
# that will not come. Only boto3 (with its botocore) and the standard library are used.
import json
import threading
import urllib.request

import boto3
from botocore.config import Config
from botocore.exceptions import ClientError

# The timer answers this long before the function's timeout.
TIMER_MARGIN_SECONDS = 10
# Short timeouts and few retries, so that a KMS call ends well before the timer.
KMS_CONFIG = Config(connect_timeout=5, read_timeout=15,
                    retries={"max_attempts": 3, "mode": "standard"})
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
        grant_id, data = ACTIONS[event["RequestType"]](event)
        if not responder.send("SUCCESS", "OK", grant_id, data) and grant_id != unchanged_id:
            # The timer answered FAILED first: delete the grant that CloudFormation will
            # never know of.
            delete(event["ResourceProperties"]["KeyId"], grant_id)
    except Exception as error:  # every failure is an answer, never a silent stack
        print("FAILED:", repr(error))
        responder.send("FAILED", f"{type(error).__name__}: {error}", unchanged_id)
    finally:
        timer.cancel()


def on_create(event):
    return create(event["ResourceProperties"])


def on_update(event):
    new, old = event["ResourceProperties"], event["OldResourceProperties"]
    grant_id, data = create(new)
    old_id = event["PhysicalResourceId"]
    # With the same name and properties, KMS gives back the existing grant: keep it.
    if grant_id != old_id:
        try:
            delete(old["KeyId"], old_id)
        except Exception:
            # Undo, so that the grants are as CloudFormation still sees them.
            try:
                delete(new["KeyId"], grant_id)
            except Exception as undo_error:
                print("Could not delete the new grant", grant_id, repr(undo_error))
            raise
    return grant_id, data


def on_delete(event):
    delete(event["ResourceProperties"]["KeyId"], event["PhysicalResourceId"])
    return event["PhysicalResourceId"], None


ACTIONS = {"Create": on_create, "Update": on_update, "Delete": on_delete}


def kms(key_arn):
    # KMS serves a key only in its own Region: the key ARN's fourth field.
    return boto3.client("kms", region_name=key_arn.split(":")[3], config=KMS_CONFIG)


def create(properties):
    key_arn = properties["KeyId"]
    grant = kms(key_arn).create_grant(
        KeyId=key_arn,
        GranteePrincipal=properties["GranteePrincipal"],
        Operations=properties["Operations"],
        Name=properties["Name"])
    print("Created grant", grant["GrantId"], "on", key_arn)
    return grant["GrantId"], {"GrantToken": grant["GrantToken"]}


def delete(key_arn, grant_id):
    if grant_id.startswith(NOT_CREATED):
        print("No grant was created:", grant_id)
        return
    client = kms(key_arn)
    try:
        try:
            client.revoke_grant(KeyId=key_arn, GrantId=grant_id)
        except ClientError as error:
            if error.response["Error"]["Code"] != "AccessDeniedException":
                raise
            # The article's key policy lets this account create grants on the key, not
            # revoke them; as the account that created the grant, it may retire it.
            client.retire_grant(KeyId=key_arn, GrantId=grant_id)
        print("Deleted grant", grant_id, "on", key_arn)
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
