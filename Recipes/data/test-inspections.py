#!/usr/bin/env python3
"""Writes test-inspections-register.json and test-inspections-results.csv (the seed's 2025 case) next to this script.

282 organizations founded before 2025-07-01: 277 concluded (242 合格, 18 基本合格, 17 不合格) and 5 that never filed.
Credit codes follow GB 32100-2015 (see UnifiedSocialCreditCode.Generate); bodies "TJ000001".. keep them apart from real ones.
"""
import csv
import json
import os

ALPHABET = "0123456789ABCDEFGHJKLMNPQRTUWXY"
WEIGHTS = [1, 3, 9, 27, 19, 26, 16, 17, 20, 29, 25, 13, 8, 24, 10, 30, 28]
ORG_WEIGHTS = [3, 7, 9, 10, 5, 8, 4, 2]


def org_value(c):
    return int(c) if c.isdigit() else ord(c) - ord("A") + 10


def uscc(type_code, number):
    body = f"TJ{number:06d}"
    c = 11 - sum(org_value(ch) * w for ch, w in zip(body, ORG_WEIGHTS)) % 11
    org_check = "X" if c == 10 else "0" if c == 11 else str(c)
    head = f"5{type_code}330203{body}{org_check}"
    check = (31 - sum(ALPHABET.index(ch) * w for ch, w in zip(head, WEIGHTS)) % 31) % 31
    return head + ALPHABET[check]


RESULTS = ["合格"] * 242 + ["基本合格"] * 18 + ["不合格"] * 17 + [None] * 5
here = os.path.dirname(os.path.abspath(__file__))
organizations, rows = [], []
for i, result in enumerate(RESULTS, start=1):
    social_group = i % 3 != 0
    code = uscc("1" if social_group else "2", i)
    organizations.append({
        "name": f"宁波市海曙区年检统计第{i:03d}号{'协会' if social_group else '服务中心'}",
        "type": "SocialGroup" if social_group else "PrivateNonEnterprise",
        "legalRepresentative": "统计测试",
        "street": "鼓楼街道",
        "address": f"宁波市海曙区中山西路{i}号",
        "foundedOn": f"{2005 + i % 20}-{1 + i % 6:02d}-{1 + i % 28:02d}",
        "creditCode": code,
    })
    if result == "合格":
        rows.append([code, 2025, result, "", "", "", ""])
    elif result is not None:
        rows.append([code, 2025, result, "年度报告内容不完整。", "补充提交财务审计报告。", "2026-09-30", ""])

with open(os.path.join(here, "test-inspections-register.json"), "w", encoding="utf-8") as f:
    json.dump(organizations, f, ensure_ascii=False, indent=1)
    f.write("\n")
with open(os.path.join(here, "test-inspections-results.csv"), "w", encoding="utf-8", newline="") as f:
    writer = csv.writer(f, lineterminator="\n")
    writer.writerow(["统一社会信用代码", "年度", "结论", "原因", "整改要求", "整改期限", "整改验收日期"])
    writer.writerows(rows)
