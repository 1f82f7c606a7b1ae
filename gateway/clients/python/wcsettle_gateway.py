"""A client of the wcsettle local gateway, Python 3 standard library only (urllib).

    gw = Gateway("http://127.0.0.1:8765", token=open("gateway.token").read().strip())
    visit = gw.open_visit("ZY2026001", {"kind": "id_card", "id_number": "...", "name": "..."})

Every non-2xx answer raises GatewayError with the typed error body (code, message, field,
retryable). A transport failure (gateway not running, connection cut) raises TransportError.
Every step is idempotent by visit id: after either error, asking again for the same visit returns
the stored answer (see settle_retrying), never a second settlement.
"""

import http.client
import json
import socket
import time
import urllib.error
import urllib.parse
import urllib.request


class GatewayError(Exception):
    """A typed error body: {"code", "message", "field", "retryable", ...}."""

    def __init__(self, status, body):
        super().__init__("%s %s: %s" % (status, body.get("code"), body.get("message")))
        self.status = status
        self.body = body
        self.code = body.get("code")
        self.field = body.get("field")
        self.retryable = bool(body.get("retryable"))


class TransportError(Exception):
    """Nothing came back: the gateway is not running, or the connection was cut mid-call."""


class Gateway:
    def __init__(self, base_url, token, timeout=120.0):
        self.base = base_url.rstrip("/")
        self.token = token
        self.timeout = timeout

    def call(self, method, path, body=None, token=True, raw=None, headers=None):
        data = raw if raw is not None else (None if body is None else json.dumps(body).encode("utf-8"))
        req = urllib.request.Request(self.base + path, data=data, method=method)
        if data is not None:
            req.add_header("Content-Type", "application/json; charset=utf-8")
        if token:
            req.add_header("Authorization", "Bearer " + (self.token if token is True else token))
        for k, v in (headers or {}).items():
            req.add_header(k, v)
        try:
            with urllib.request.urlopen(req, timeout=self.timeout) as resp:
                return json.loads(resp.read().decode("utf-8"))
        except urllib.error.HTTPError as e:
            text = e.read().decode("utf-8")
            try:
                parsed = json.loads(text)
            except ValueError:
                raise GatewayError(e.code, {"code": "NOT_JSON", "message": text[:200]})
            raise GatewayError(e.code, parsed)
        except (urllib.error.URLError, http.client.HTTPException, ConnectionError, socket.timeout, OSError) as e:
            raise TransportError("%s: %s" % (type(e).__name__, e))

    def visit_path(self, visit_id, tail=""):
        return "/visits/" + urllib.parse.quote(visit_id, safe="") + tail

    def health(self):
        return self.call("GET", "/health", token=False)

    def openapi(self):
        return self.call("GET", "/openapi.json", token=False)

    def read_card(self, reader=None, timeout_seconds=10):
        body = {"timeout_seconds": timeout_seconds}
        if reader:
            body["reader"] = reader
        return self.call("POST", "/card/read", body)

    def open_visit(self, visit_id, credential):
        return self.call("POST", "/visits", {"visit_id": visit_id, "credential": credential})

    def visit(self, visit_id):
        return self.call("GET", self.visit_path(visit_id))

    def admit(self, visit_id, details):
        return self.call("POST", self.visit_path(visit_id, "/admission"), details)

    def upload_fees(self, visit_id, fees):
        return self.call("POST", self.visit_path(visit_id, "/fees"), {"fees": fees})

    def cancel_fees(self, visit_id, feedetl_sns):
        return self.call("POST", self.visit_path(visit_id, "/fees/cancel"), {"feedetl_sns": feedetl_sns})

    def discharge(self, visit_id, details):
        return self.call("POST", self.visit_path(visit_id, "/discharge"), details)

    def settle(self, visit_id, bill):
        return self.call("POST", self.visit_path(visit_id, "/settlement"), bill)

    def cancel_settlement(self, visit_id):
        return self.call("POST", self.visit_path(visit_id, "/settlement/cancel"))

    def statement(self, visit_id):
        return self.call("GET", self.visit_path(visit_id, "/statement"))

    def resume(self):
        return self.call("POST", "/resume")

    def reconcile(self, day_from, day_to=None):
        return self.call("POST", "/reconcile", {"from": day_from, "to": day_to or day_from})

    def settle_retrying(self, visit_id, bill, within_seconds=120.0, pause=0.5, log=None):
        """Settles, asking again for the same visit while nothing usable came back (the gateway
        down or cut off mid-call, 503 not delivered, 504 outcome unknown). Returns (answer, attempts)."""
        deadline = time.monotonic() + within_seconds
        attempts = 0
        while True:
            attempts += 1
            try:
                return self.settle(visit_id, bill), attempts
            except TransportError as e:
                failure = "transport: %s" % e
            except GatewayError as e:
                if not e.retryable:
                    raise
                failure = "%s %s" % (e.status, e.code)
            if log:
                log("settle attempt %d failed (%s); asking again" % (attempts, failure))
            if time.monotonic() > deadline:
                raise TransportError("gave up after %d attempts: %s" % (attempts, failure))
            time.sleep(pause)
