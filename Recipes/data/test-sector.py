#!/usr/bin/env python3
"""Writes test-sector-register.json, test-sector-results.csv and test-sector-reports.json (the sector statistics' test case).

Six organizations take part in the 2025 campaign; five reports are accepted (合格, 基本合格, 不合格 all conclude a report),
one (第6号) is never concluded: its figures are recorded but must count nowhere. Known totals of the accepted five:
staff 22 full-time, 7 part-time; 335 volunteers; 180 individual and 10 unit members; income ¥3,049,000 (government
250,000, donations 2,020,000, services 680,000, membership 48,000, other 51,000); expenditure ¥2,666,000 (programme
2,202,000, staff 330,000, administration 129,000, other 5,000); net assets ¥3,683,000; party organization required 4
(≥3 members), covered 2 (50%), work coverage 4. Streets: 鼓楼街道 2, 月湖街道 2, 南门街道 1.
"""
import csv
import json
import os

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]
TYPE_CODES = {"SocialGroup": "1", "PrivateNonEnterprise": "2", "Foundation": "3"}
SUFFIX = {"SocialGroup": "协会", "PrivateNonEnterprise": "服务中心", "Foundation": "基金会"}


def org_value(c):
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def uscc(type_code, number):
    body = f"HY{number:06d}"
    c = 11 - sum(org_value(ch) * w for ch, w in zip(body, ORG_WEIGHTS)) % 11
    org_check = "X" if c == 10 else "0" if c == 11 else str(c)
    head = f"5{type_code}330203{body}{org_check}"
    check = (31 - sum(ALPHABET.index(ch) * w for ch, w in zip(head, WEIGHTS)) % 31) % 31
    return head + ALPHABET[check]


# type, street, result, people (full-time, part-time, volunteers, individual, unit), party (organization, members),
# income (government, donations, services, membership, other), expense (programme, staff, admin, other), net assets at start
CASES = [
    ("SocialGroup", "鼓楼街道", "合格", (3, 2, 40, 120, 10), ("Independent", 5), (100000, 20000, 0, 30000, 1000), (110000, 20000, 10000, 0), 50000),
    ("SocialGroup", "鼓楼街道", "基本合格", (1, 0, 10, 60, 0), ("None", 4), (0, 0, 0, 18000, 0), (12000, 0, 4000, 0), 10000),
    ("PrivateNonEnterprise", "月湖街道", "合格", (12, 4, 85, 0, 0), ("Joint", 2), (150000, 0, 600000, 0, 0), (520000, 180000, 30000, 5000), 200000),
    ("PrivateNonEnterprise", "月湖街道", "不合格", (2, 1, 0, 0, 0), ("Instructor", 3), (0, 0, 80000, 0, 0), (60000, 30000, 5000, 0), 40000),
    ("Foundation", "南门街道", "合格", (4, 0, 200, 0, 0), ("Independent", 6), (0, 2000000, 0, 0, 50000), (1500000, 100000, 80000, 0), 3000000),
    ("PrivateNonEnterprise", "月湖街道", None, (99, 99, 999, 0, 0), ("Independent", 9), (999000, 0, 0, 0, 0), (0, 0, 0, 0), 0),
]

here = os.path.dirname(os.path.abspath(__file__))
organizations, results, reports = [], [], []
for i, (kind, street, result, people, party, income, expense, start) in enumerate(CASES, start=1):
    code = uscc(TYPE_CODES[kind], i)
    organizations.append({
        "name": f"宁波市海曙区行业统计第{i}号{SUFFIX[kind]}",
        "type": kind,
        "legalRepresentative": "统计测试",
        "street": street,
        "address": f"宁波市海曙区柳汀街{i}号",
        "foundedOn": f"{2010 + i}-03-01",
        "creditCode": code,
    })
    if result == "合格":
        results.append([code, 2025, result, "", "", "", ""])
    elif result is not None:
        results.append([code, 2025, result, "年度报告内容不完整。", "补充提交财务审计报告。", "2026-09-30", ""])
    names = ["incomeGovernmentYuan", "incomeDonationsYuan", "incomeServicesYuan", "incomeMembershipYuan", "incomeOtherYuan",
             "expenseProgrammeYuan", "expenseStaffYuan", "expenseAdministrativeYuan", "expenseOtherYuan"]
    report = {
        "creditCode": code, "year": 2025, "workSummary": "开展年度业务活动。", "nextYearPlan": "继续开展业务活动。",
        "fullTimeStaff": people[0], "partTimeStaff": people[1], "volunteers": people[2], "individualMembers": people[3], "unitMembers": people[4],
        "partyOrganization": party[0], "partyMembers": party[1], "netAssetsStartYuan": f"{start}.00",
    }
    report.update({n: f"{v}.00" for n, v in zip(names, income + expense) if v})
    reports.append(report)

with open(os.path.join(here, "test-sector-register.json"), "w", encoding="utf-8") as f:
    json.dump(organizations, f, ensure_ascii=False, indent=1)
    f.write("\n")
with open(os.path.join(here, "test-sector-results.csv"), "w", encoding="utf-8", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["统一社会信用代码", "年度", "结论", "原因", "整改要求", "整改期限", "整改验收日期"])
    writer.writerows(results)
with open(os.path.join(here, "test-sector-reports.json"), "w", encoding="utf-8") as f:
    json.dump(reports, f, ensure_ascii=False, indent=1)
    f.write("\n")
