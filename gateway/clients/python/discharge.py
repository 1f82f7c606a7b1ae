#!/usr/bin/env python3
"""The full discharge of one worker through the wcsettle local gateway, as a non-Java HIS does it.

    python3 discharge.py --base http://127.0.0.1:8765 --token-file gateway.token \
        --visit ZY2026001 --id-number 150102198001010016 --name 张三 --scenario full

Scenarios: "full" runs every step (open, admission, fees twice and a cancellation, discharge,
settle twice, statement, reconcile, cancel settlement, settle again) and checks the answers;
"crash" runs up to the settlement and then settles with settle_retrying, so a gateway that dies
mid-settlement and comes back is asked again for the same visit. Prints one JSON object (the
results) on stdout; exits 1 with a message on stderr when a check fails.
"""

import argparse
import datetime
import json
import sys

from wcsettle_gateway import Gateway, GatewayError


def log(msg):
    print(msg, file=sys.stderr, flush=True)


def check(cond, what):
    if not cond:
        log("check failed: " + what)
        sys.exit(1)


def expect_error(fn, status, code):
    try:
        fn()
    except GatewayError as e:
        check(e.status == status and e.code == code, "expected %s %s, got %s %s" % (status, code, e.status, e.code))
        for k in ("code", "message", "field", "retryable"):
            check(k in e.body, "error body has %s: %s" % (k, e.body))
        return e.body
    check(False, "expected %s %s, got success" % (status, code))


def main():
    p = argparse.ArgumentParser()
    p.add_argument("--base", required=True)
    p.add_argument("--token-file", required=True)
    p.add_argument("--visit", required=True)
    p.add_argument("--id-number", required=True)
    p.add_argument("--name", required=True)
    p.add_argument("--scenario", choices=("full", "crash"), default="full")
    a = p.parse_args()

    with open(a.token_file, encoding="ascii") as f:
        gw = Gateway(a.base, f.read().strip())
    out = {}

    check(gw.health()["status"] == "ok", "health")
    doc = gw.openapi()
    check("/visits/{visit_id}/settlement" in doc["paths"], "openapi lists the settlement")
    expect_error(lambda: Gateway(a.base, "not-the-token").visit(a.visit), 401, "UNAUTHORIZED")

    tz = datetime.timezone(datetime.timedelta(hours=8))     # the platform's clock: Asia/Shanghai
    today = datetime.datetime.now(tz).date()
    admitted = today - datetime.timedelta(days=4)
    at = admitted.isoformat() + "T09:00:00"
    diagnosis = {"type": "1", "main": True, "order": 1, "code": "S62.101", "name": "右桡骨远端骨折",
                 "department": "骨科", "doctor_code": "D01", "doctor_name": "李医生", "time": at}

    visit = gw.open_visit(a.visit, {"kind": "id_card", "id_number": a.id_number, "name": a.name})
    check(visit["psn_no"] and visit["filings"], "1101 gives psn_no and a filing")
    again = gw.open_visit(a.visit, {"kind": "id_card", "id_number": a.id_number, "name": a.name})
    check(again["psn_no"] == visit["psn_no"], "opening again is the same visit")
    out["psn_no"] = visit["psn_no"]

    adm = gw.admit(a.visit, {"ipt_no": a.visit, "admitted_at": at, "attending_doctor_code": "D01",
                             "chief_doctor_name": "李医生", "admission_diagnosis": "右腕外伤",
                             "department_code": "GK", "department_name": "骨科", "bed": "12床",
                             "main_diagnosis_code": "S62.101", "main_diagnosis_name": "右桡骨远端骨折",
                             "diagnoses": [diagnosis]})
    out["mdtrt_id"] = adm["mdtrt_id"]

    def line(i, code, category, price, qty):
        return {"id": str(i), "code": code, "category": category, "service_date": admitted.isoformat(),
                "price": price, "quantity": qty}

    lines = [line(1, "XA01", "DRUG", "12.3456", "2"), line(2, "BED01", "SERVICE", "80.00", "4")]
    extra = line(3, "XA01", "DRUG", "12.3456", "1")

    def fee(l):
        return dict(l, institution_code="HIS-" + l["code"], department_code="GK", department_name="骨科",
                    doctor_code="D01", doctor_name="李医生")

    if a.scenario == "full":
        check(gw.upload_fees(a.visit, [fee(l) for l in lines + [extra]])["sent"] == 3, "three rows sent")
        check(gw.upload_fees(a.visit, [fee(l) for l in lines + [extra]])["sent"] == 0, "uploaded again: none sent")
        expect_error(lambda: gw.settle(a.visit, bill(lines, admitted, today)), 409, "FEES_NOT_UPLOADED")
        check(gw.cancel_fees(a.visit, ["3"])["cancelled"] == 1, "row 3 cancelled")
    else:
        check(gw.upload_fees(a.visit, [fee(l) for l in lines])["sent"] == 2, "two rows sent")

    gw.discharge(a.visit, {"discharged_at": today.isoformat() + "T10:00:00", "department_code": "GK",
                           "department_name": "骨科", "way": "1", "diagnoses": [diagnosis]})

    if a.scenario == "crash":
        log("settling (the gateway may die now)")
        d, attempts = gw.settle_retrying(a.visit, bill(lines, admitted, today), log=log)
        out.update(setl_id=d["setl_id"], attempts=attempts, settlement=d["settlement"], totals=d["totals"])
        check(d["setl_id"], "settled directly")
        check(gw.visit(a.visit)["live_setl_id"] == d["setl_id"], "the visit's live settlement is the one answered")
        check("工伤" in gw.statement(a.visit)["text"], "statement after the retry")
        print(json.dumps(out, ensure_ascii=False))
        return

    d = gw.settle(a.visit, bill(lines, admitted, today))
    check(d["direct_settlement"] and d["setl_id"], "settled directly: %s" % d.get("reasons"))
    check(d["platform_differences"] == [], "2303 agrees with core: %s" % d["platform_differences"])
    check(d["totals"]["total"] == "344.69", "total 24.69 + 320.00: %s" % d["totals"])
    check(any(l["reason"] for l in d["lines"]), "the bed fee over its limit has a reason")
    out["setl_id"] = d["setl_id"]
    out["totals"] = d["totals"]
    out["settlement"] = d["settlement"]
    d2 = gw.settle(a.visit, bill(lines, admitted, today))
    check(d2["setl_id"] == d["setl_id"], "settled again: the same settlement")
    st = gw.statement(a.visit)
    check("工伤" in st["text"] and st["html"].lstrip().startswith("<"), "statement text and html")
    out["reconcile"] = gw.reconcile(today.isoformat())
    c = gw.cancel_settlement(a.visit)
    check(c["settlement"]["setl_id"], "cancelled")
    check(gw.visit(a.visit)["live_setl_id"] is None, "no live settlement after the cancellation")
    expect_error(lambda: gw.cancel_settlement(a.visit), 409, "NO_LIVE_SETTLEMENT")
    d3 = gw.settle(a.visit, bill(lines, admitted, today))
    check(d3["setl_id"] and d3["setl_id"] != d["setl_id"], "settled anew after the cancellation")
    out["setl_id_after_cancel"] = d3["setl_id"]
    out["resume"] = gw.resume()
    print(json.dumps(out, ensure_ascii=False))


def bill(lines, admitted, today):
    return {"stay_kind": "INPATIENT_MEDICAL", "admitted_on": admitted.isoformat(), "discharged_on": today.isoformat(),
            "lines": lines}


if __name__ == "__main__":
    main()
