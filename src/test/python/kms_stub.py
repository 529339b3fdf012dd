"""A local stand-in for AWS KMS and STS that real AWS clients can talk to.

It speaks the services' wire protocols as botocore's service models describe them: KMS is
awsJson1.1 (POST /, X-Amz-Target "TrentService.<Operation>", a JSON body, errors as a JSON
"__type"), STS is awsQuery (a form-encoded POST, answers and errors in XML). Every request
must carry a valid Signature Version 4 for credentials the stub knows, signed for a Region of
the credentials' partition, as the real services require; the Region and service are read
from the signature's credential scope and recorded with the operation, its parameters, the
caller and the Host. Grants are kept as KMS keeps them, so that grant IDs are real, and errors
can be ordered per operation to exercise a client's retry and "gone" paths.

Sources: KMS API Reference (CreateGrant, RetireGrant, RevokeGrant), STS API
Reference (GetCallerIdentity), the AWS General Reference's Signature Version 4 signing
process. Standard library only; it serves 127.0.0.1 and nothing else.

Run as a script it prints "port <n>" and serves until its standard input closes; tests in
other languages read what it recorded with GET /stub/requests and GET /stub/grants.
"""
import hashlib
import hmac
import http.server
import json
import re
import secrets
import sys
import threading
import urllib.parse
import uuid
from xml.sax.saxutils import escape

KMS_TARGET = "TrentService."
KMS_OPERATIONS = ("CreateGrant", "RetireGrant", "RevokeGrant")
STS_VERSION = "2011-06-15"
STS_NAMESPACE = f"https://sts.amazonaws.com/doc/{STS_VERSION}/"
# KMS grant IDs are 64 hexadecimal digits.
GRANT_ID = re.compile(r"[0-9a-f]{64}")
# What KMS itself validates in CreateGrant (botocore checks lengths, not enums or patterns).
GRANT_OPERATIONS = {
    "Decrypt", "Encrypt", "GenerateDataKey", "GenerateDataKeyWithoutPlaintext", "ReEncryptFrom",
    "ReEncryptTo", "Sign", "Verify", "GetPublicKey", "CreateGrant", "RetireGrant",
    "DescribeKey", "GenerateDataKeyPair", "GenerateDataKeyPairWithoutPlaintext", "GenerateMac",
    "VerifyMac", "DeriveSharedSecret"}
GRANT_NAME = re.compile(r"[a-zA-Z0-9:/_-]{1,256}")
PRINCIPAL = re.compile(r"[\w+=,.@:/-]{1,256}")
KEY_ARN = re.compile(r"arn:(aws|aws-cn|aws-us-gov):kms:([a-z0-9-]+):(\d{12}):key/(.+)")
CREDENTIAL = re.compile(
    r"AWS4-HMAC-SHA256 Credential=(?P<key>[^/]+)/(?P<date>\d{8})/(?P<region>[^/]+)/"
    r"(?P<service>[^/]+)/aws4_request, ?SignedHeaders=(?P<headers>[^,]+), ?"
    r"Signature=(?P<signature>[0-9a-f]{64})")


def partition_of_region(region):
    if region.startswith("cn-"):
        return "aws-cn"
    if region.startswith("us-gov-"):
        return "aws-us-gov"
    return "aws"


class Identity:
    """Credentials the stub accepts, and the principal they belong to."""

    def __init__(self, access_key, secret_key, arn):
        self.access_key, self.secret_key, self.arn = access_key, secret_key, arn
        fields = arn.split(":")
        self.partition, self.account = fields[1], fields[4]

    def is_principal(self, principal):
        """Whether a grant's principal names this caller: its ARN, or for an assumed-role
        session the role it assumed (KMS matches a role ARN against the role's sessions)."""
        if principal in (self.arn, f"arn:{self.partition}:iam::{self.account}:root"):
            return True
        session = re.fullmatch(r"arn:[^:]+:sts::\d{12}:assumed-role/([^/]+)/.+", self.arn)
        role = re.fullmatch(r"arn:[^:]+:iam::(\d{12}):role/(?:.*/)?([^/]+)", principal or "")
        return bool(session and role and role.group(1) == self.account
                    and role.group(2) == session.group(1))


class ServiceError(Exception):
    def __init__(self, status, code, message):
        super().__init__(message)
        self.status, self.code, self.message = status, code, message


class AwsStub:
    """KMS and STS on 127.0.0.1, an ephemeral port. Use start() and close()."""

    def __init__(self, identities):
        self.identities = {i.access_key: i for i in identities}
        self.requests = []
        self.grants = {}
        self.failures = {}
        self.lock = threading.RLock()
        self.server = None

    # -- control ---------------------------------------------------------------------------

    def start(self):
        stub = self

        class Handler(http.server.BaseHTTPRequestHandler):
            protocol_version = "HTTP/1.1"

            def do_POST(self):
                body = self.rfile.read(int(self.headers.get("Content-Length", 0)))
                self.answer(*stub.handle(self.command, self.path, self.headers, body))

            def do_GET(self):
                self.answer(*stub.control(self.path))

            def answer(self, status, content_type, payload):
                self.send_response(status)
                self.send_header("Content-Type", content_type)
                self.send_header("Content-Length", str(len(payload)))
                self.send_header("x-amzn-RequestId", str(uuid.uuid4()))
                self.end_headers()
                self.wfile.write(payload)

            def log_message(self, *args):
                pass

        self.server = http.server.ThreadingHTTPServer(("127.0.0.1", 0), Handler)
        self.server.daemon_threads = True
        threading.Thread(target=self.server.serve_forever, args=(0.05,), daemon=True).start()
        return self

    @property
    def url(self):
        return f"http://127.0.0.1:{self.server.server_address[1]}"

    def close(self):
        self.server.shutdown()
        self.server.server_close()

    def fail(self, operation, code, times=None, message="stub error"):
        """Answers the next `times` calls of the operation (all, if None) with an error."""
        with self.lock:
            self.failures[operation] = [times, ServiceError(400, code, message)]

    def calls(self, operation=None):
        """The recorded requests, of one operation if given."""
        with self.lock:
            return [r for r in self.requests if operation in (None, r["operation"])]

    def control(self, path):
        if path == "/stub/requests":
            with self.lock:
                return 200, "application/json", json.dumps(self.requests).encode()
        if path == "/stub/grants":
            with self.lock:
                return 200, "application/json", json.dumps(list(self.grants.values())).encode()
        return 404, "text/plain", b"no such control"

    # -- the services ----------------------------------------------------------------------

    def handle(self, method, path, headers, body):
        record = {"host": headers.get("Host"), "service": None, "region": None,
                  "operation": None, "params": None, "caller": None, "error": None}
        with self.lock:
            self.requests.append(record)
        protocol = STS if headers.get("X-Amz-Target") is None else KMS
        try:
            record["operation"], record["params"] = protocol.parse(headers, body)
            identity = self.authenticate(method, path, headers, body, record)
            protocol.check_service(record["service"])
            with self.lock:
                self.injected_failure(record["operation"])
                result = getattr(self, record["operation"])(identity, record["params"], record)
            return protocol.success(record["operation"], result)
        except ServiceError as error:
            record["error"] = error.code
            return protocol.failure(error)

    def authenticate(self, method, path, headers, body, record):
        """Checks the SigV4 signature, as the service does before anything else."""
        scope = CREDENTIAL.fullmatch(headers.get("Authorization", ""))
        if scope is None:
            raise ServiceError(403, "MissingAuthenticationTokenException",
                               "Missing Authentication Token")
        record["region"], record["service"] = scope["region"], scope["service"]
        identity = self.identities.get(scope["key"])
        if identity is None or identity.partition != partition_of_region(scope["region"]):
            # Credentials of one partition are unknown to every other partition's endpoints.
            raise ServiceError(403, "InvalidClientTokenId" if scope["service"] == "sts"
                               else "UnrecognizedClientException",
                               "The security token included in the request is invalid.")
        record["caller"] = identity.arn
        expected = signature(identity.secret_key, method, path, headers, body, scope)
        if not hmac.compare_digest(expected, scope["signature"]):
            raise ServiceError(403, "SignatureDoesNotMatch" if scope["service"] == "sts"
                               else "InvalidSignatureException",
                               "The request signature we calculated does not match the "
                               "signature you provided.")
        return identity

    def injected_failure(self, operation):
        failure = self.failures.get(operation)
        if failure is None:
            return
        times, error = failure
        if times is not None:
            if times <= 0:
                return
            failure[0] = times - 1
        raise error

    # STS

    def GetCallerIdentity(self, identity, params, record):
        return {"Arn": identity.arn, "Account": identity.account,
                "UserId": "AIDA" + hashlib.sha1(identity.arn.encode()).hexdigest()[:17].upper()}

    # KMS

    def key(self, key_id, record):
        """The key ARN named by a KeyId: a key in another account needs its full ARN, and a
        key is found only in its own Region and partition."""
        arn = KEY_ARN.fullmatch(key_id or "")
        if arn is None or arn[2] != record["region"]:
            raise ServiceError(400, "NotFoundException", f"Key '{key_id}' does not exist")
        return key_id

    def CreateGrant(self, identity, params, record):
        key_arn = self.key(params["KeyId"], record)
        validate_grant(params)
        grant = {"KeyId": key_arn, "GranteePrincipal": params["GranteePrincipal"],
                 "Operations": params["Operations"], "Name": params.get("Name"),
                 "RetiringPrincipal": params.get("RetiringPrincipal"),
                 "Constraints": params.get("Constraints"),
                 "IssuingAccount": f"arn:{identity.partition}:iam::{identity.account}:root"}
        # With a Name, a request with identical parameters returns the existing grant's ID
        # (and a new token); without one, every request makes a new grant.
        same = next((g for g in self.grants.values()
                     if grant["Name"] is not None and same_grant(g, grant)), None)
        if same is None:
            grant["GrantId"] = secrets.token_hex(32)
            self.grants[grant["GrantId"]] = grant
            same = grant
        return {"GrantId": same["GrantId"], "GrantToken": secrets.token_urlsafe(96)}

    def RetireGrant(self, identity, params, record):
        grant = self.find_grant(params, record)
        # Who may retire: the retiring principal, the grantee if the grant allows it, or, as
        # KMS's backup, the account that created the grant. The basis is recorded so that a
        # test sees which one a client relied on.
        if identity.is_principal(grant["RetiringPrincipal"]):
            record["allowedAs"] = "RetiringPrincipal"
        elif (identity.is_principal(grant["GranteePrincipal"])
              and "RetireGrant" in grant["Operations"]):
            record["allowedAs"] = "GranteePrincipal"
        elif grant["IssuingAccount"].split(":")[4] == identity.account:
            record["allowedAs"] = "IssuingAccount"
        else:
            raise ServiceError(400, "AccessDeniedException",
                               f"User: {identity.arn} is not authorized to perform: "
                               "kms:RetireGrant")
        del self.grants[grant["GrantId"]]
        return {}

    def RevokeGrant(self, identity, params, record):
        grant = self.find_grant(params, record)
        # Revoking is the key policy's to allow, and across accounts the key policy must name
        # the caller's account: the key policies this project writes never do.
        if grant["KeyId"].split(":")[4] != identity.account:
            raise ServiceError(400, "AccessDeniedException",
                               f"User: {identity.arn} is not authorized to perform: "
                               "kms:RevokeGrant on this resource because no resource-based "
                               "policy allows the kms:RevokeGrant action")
        del self.grants[grant["GrantId"]]
        return {}

    def find_grant(self, params, record):
        if "GrantToken" in params and "GrantId" not in params:
            raise ServiceError(400, "InvalidGrantTokenException",
                               "The stub retires grants by key and grant ID only")
        key_arn = self.key(params.get("KeyId"), record)
        grant_id = params["GrantId"]
        if not GRANT_ID.fullmatch(grant_id):
            raise ServiceError(400, "InvalidGrantIdException", "Invalid grant ID")
        grant = self.grants.get(grant_id)
        if grant is None or grant["KeyId"] != key_arn:
            raise ServiceError(400, "NotFoundException", f"Grant ID {grant_id} not found")
        return grant


def validate_grant(params):
    problems = []
    unknown = [o for o in params["Operations"] if o not in GRANT_OPERATIONS]
    if unknown or not params["Operations"]:
        problems.append(f"Value '{params['Operations']}' at 'operations' failed to satisfy "
                        "constraint: Member must satisfy enum value set")
    if "Name" in params and not GRANT_NAME.fullmatch(params["Name"]):
        problems.append(f"Value '{params['Name']}' at 'name' failed to satisfy constraint")
    for field in ("GranteePrincipal", "RetiringPrincipal"):
        if field in params and not PRINCIPAL.fullmatch(params[field]):
            problems.append(f"Value '{params[field]}' at '{field}' failed to satisfy constraint")
    if problems:
        raise ServiceError(400, "ValidationException",
                           f"{len(problems)} validation error(s) detected: " + "; ".join(problems))


def same_grant(a, b):
    # Operations in the same order too: the API reference says "identical parameters", so a
    # client may not count on KMS overlooking a different order.
    fields = ("KeyId", "GranteePrincipal", "Operations", "Name", "RetiringPrincipal",
              "Constraints")
    return all(a[f] == b[f] for f in fields)


class KMS:
    """awsJson1.1: the operation in X-Amz-Target, parameters and answers in JSON."""

    @staticmethod
    def parse(headers, body):
        target = headers["X-Amz-Target"]
        operation = target[len(KMS_TARGET):] if target.startswith(KMS_TARGET) else None
        if operation not in KMS_OPERATIONS:
            raise ServiceError(400, "UnknownOperationException", target)
        if headers.get("Content-Type") != "application/x-amz-json-1.1":
            raise ServiceError(400, "SerializationException", "Content-Type")
        return operation, json.loads(body or b"{}")

    @staticmethod
    def check_service(service):
        if service != "kms":
            raise ServiceError(400, "InvalidSignatureException",
                               f"Credential should be scoped to correct service: 'kms', "
                               f"not '{service}'")

    @staticmethod
    def success(operation, result):
        return 200, "application/x-amz-json-1.1", json.dumps(result).encode()

    @staticmethod
    def failure(error):
        return (error.status, "application/x-amz-json-1.1",
                json.dumps({"__type": error.code, "message": error.message}).encode())


class STS:
    """awsQuery: Action and Version in a form body, answers and errors in XML."""

    @staticmethod
    def parse(headers, body):
        form = dict(urllib.parse.parse_qsl(body.decode()))
        if form.get("Version") != STS_VERSION or form.get("Action") != "GetCallerIdentity":
            raise ServiceError(400, "InvalidAction", f"Could not find operation {form}")
        return form.pop("Action"), {k: v for k, v in form.items() if k != "Version"}

    @staticmethod
    def check_service(service):
        if service != "sts":
            raise ServiceError(403, "SignatureDoesNotMatch",
                               f"Credential should be scoped to correct service: 'sts'")

    @staticmethod
    def success(operation, result):
        fields = "".join(f"<{k}>{escape(v)}</{k}>" for k, v in result.items())
        return 200, "text/xml", (
            f'<{operation}Response xmlns="{STS_NAMESPACE}">'
            f"<{operation}Result>{fields}</{operation}Result>"
            f"<ResponseMetadata><RequestId>{uuid.uuid4()}</RequestId></ResponseMetadata>"
            f"</{operation}Response>").encode()

    @staticmethod
    def failure(error):
        return error.status, "text/xml", (
            f'<ErrorResponse xmlns="{STS_NAMESPACE}"><Error><Type>Sender</Type>'
            f"<Code>{error.code}</Code><Message>{escape(error.message)}</Message></Error>"
            f"<RequestId>{uuid.uuid4()}</RequestId></ErrorResponse>").encode()


def signature(secret_key, method, path, headers, body, scope):
    """The Signature Version 4 of a request without a query string, as the signer computes it."""
    names = scope["headers"].split(";")
    canonical_headers = "".join(
        f"{name}:{' '.join(headers.get(name, '').split())}\n" for name in names)
    canonical_request = "\n".join([
        method, urllib.parse.quote(path, safe="/~"), "", canonical_headers, scope["headers"],
        hashlib.sha256(body).hexdigest()])
    credential_scope = f"{scope['date']}/{scope['region']}/{scope['service']}/aws4_request"
    string_to_sign = "\n".join([
        "AWS4-HMAC-SHA256", headers.get("X-Amz-Date", ""), credential_scope,
        hashlib.sha256(canonical_request.encode()).hexdigest()])
    key = ("AWS4" + secret_key).encode()
    for part in (scope["date"], scope["region"], scope["service"], "aws4_request"):
        key = hmac.new(key, part.encode(), hashlib.sha256).digest()
    return hmac.new(key, string_to_sign.encode(), hashlib.sha256).hexdigest()


def main(arguments):
    """kms_stub.py ACCESS_KEY=SECRET_KEY=PRINCIPAL_ARN ...: serves until stdin closes."""
    identities = [Identity(*argument.split("=", 2)) for argument in arguments]
    stub = AwsStub(identities).start()
    print("port", stub.server.server_address[1], flush=True)
    sys.stdin.read()
    stub.close()


if __name__ == "__main__":
    main(sys.argv[1:])
