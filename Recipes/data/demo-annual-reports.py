#!/usr/bin/env python3
"""Writes demo-annual-reports.json: the figures of the demo's accepted annual reports (2024 and 2025), so the
organization pages' public finances and the sector statistics show real numbers.

Deterministic (seeded). Scales follow a district bureau's sector: a 社会团体 lives on membership fees, small government
grants and services, with one to five staff; a 民办非企业单位 on purchased services, with five to thirty staff; a 基金会
on donations, with an endowment of millions (a local foundation's original fund is at least ¥2,000,000). Members come
from the register; 2025 opens with 2024's closing net assets. Amounts are whole yuan.
"""
import csv
import json
import os
import random

here = os.path.dirname(os.path.abspath(__file__))
register = {o["creditCode"]: o for o in json.load(open(os.path.join(here, "demo-register.json"), encoding="utf-8")) if o.get("creditCode")}
with open(os.path.join(here, "demo-inspection-results.csv"), encoding="utf-8") as f:
    rows = sorted(((r["统一社会信用代码"], int(r["年度"])) for r in csv.DictReader(f)), key=lambda r: (r[1], r[0]))

rng = random.Random(20251231)
closing = {}
reports = []


def hundreds(low, high):
    return rng.randrange(low // 100, high // 100 + 1) * 100


for code, year in rows:
    org = register[code]
    kind = org["type"]
    if kind == "SocialGroup":
        staff, part_time, volunteers = rng.randint(1, 5), rng.randint(0, 4), rng.randint(10, 120)
        income = {"government": hundreds(0, 80000), "donations": hundreds(0, 30000), "services": hundreds(0, 150000),
                  "membership": hundreds(20000, 180000), "other": hundreds(0, 5000)}
        start = closing.get(code, hundreds(60000, 400000))
    elif kind == "PrivateNonEnterprise":
        staff, part_time, volunteers = rng.randint(5, 30), rng.randint(1, 10), rng.randint(20, 300)
        income = {"government": hundreds(50000, 400000), "donations": hundreds(0, 60000), "services": hundreds(300000, 2500000),
                  "membership": 0, "other": hundreds(0, 20000)}
        start = closing.get(code, hundreds(100000, 800000))
    else:
        staff, part_time, volunteers = rng.randint(2, 8), rng.randint(0, 3), rng.randint(50, 600)
        income = {"government": hundreds(0, 200000), "donations": hundreds(800000, 5000000), "services": 0,
                  "membership": 0, "other": hundreds(30000, 150000)}
        start = closing.get(code, hundreds(2000000, 12000000))
    total = sum(income.values())
    spent = int(total * rng.uniform(0.85, 1.05)) // 100 * 100
    staff_cost = min(spent // 3, staff * hundreds(60000, 90000))
    admin = int(spent * rng.uniform(0.04, 0.1)) // 100 * 100
    other = hundreds(0, 3000) if spent > 100000 else 0
    programme = max(spent - staff_cost - admin - other, 0)
    party_members = rng.choice([0, 1, 2, 3, 4, 5, 7, 9])
    if party_members >= 3:
        party = rng.choices(["Independent", "Joint", "Instructor", "None"], weights=[6, 2, 1, 1])[0]
    elif party_members > 0:
        party = rng.choice(["Joint", "Instructor", "None"])
    else:
        party = rng.choice(["Instructor", "None"])
    end = start + total - (programme + staff_cost + admin + other)
    closing[code] = end
    reports.append({
        "creditCode": code,
        "year": year,
        "workSummary": f"{year}年围绕章程宗旨开展{'、'.join(org.get('serviceFields') or ['公益服务'])}等业务活动，按规定召开理事会，财务收支纳入年度审计。",
        "nextYearPlan": f"{year + 1}年继续开展主要业务活动，完善内部治理和信息公开。",
        "individualMembers": org.get("individualMembers", 0) if kind == "SocialGroup" else 0,
        "unitMembers": org.get("unitMembers", 0) if kind == "SocialGroup" else 0,
        "fullTimeStaff": staff,
        "partTimeStaff": part_time,
        "volunteers": volunteers,
        "partyOrganization": party,
        "partyMembers": party_members,
        "incomeGovernmentYuan": f"{income['government']}.00",
        "incomeDonationsYuan": f"{income['donations']}.00",
        "incomeServicesYuan": f"{income['services']}.00",
        "incomeMembershipYuan": f"{income['membership']}.00",
        "incomeOtherYuan": f"{income['other']}.00",
        "expenseProgrammeYuan": f"{programme}.00",
        "expenseStaffYuan": f"{staff_cost}.00",
        "expenseAdministrativeYuan": f"{admin}.00",
        "expenseOtherYuan": f"{other}.00",
        "netAssetsStartYuan": f"{start}.00",
        "netAssetsEndYuan": f"{end}.00",
    })

with open(os.path.join(here, "demo-annual-reports.json"), "w", encoding="utf-8") as f:
    json.dump(reports, f, ensure_ascii=False, indent=1)
    f.write("\n")
