# Writes data/grants-2015-applications.json: the seed's 2015 venture-fund round (确定了267个入围项目,项目资金超过215万元):
# 300 applications from the organizations of data/test-inspections-register.json; 13 failed screening, 20 not
# shortlisted, 267 shortlisted and awarded with 2,153,400 yuan in all. Run: python3 data/grants-figures.py
import json, os

here = os.path.dirname(os.path.abspath(__file__))
codes = [o["creditCode"] for o in json.load(open(os.path.join(here, "test-inspections-register.json"), encoding="utf-8"))]
categories = ["为老服务", "助残服务", "青少年服务", "社区治理", "扶贫济困"]
applications = []
awarded_total = 0
for i in range(300):
    state = "Failed" if i < 13 else "NotSelected" if i < 33 else "Awarded"
    # 266 projects of 8,000 yuan and one of 25,400: 2,153,400 yuan awarded.
    amount = 25_400 if i == 299 else 8_000
    if state == "Awarded":
        awarded_total += amount
    applications.append({
        "creditCode": codes[i % len(codes)],
        "title": f"2015年公益创投项目{i + 1:03d}",
        "category": categories[i % len(categories)],
        "requestedYuan": amount,
        "matchingYuan": amount,
        "state": state,
        "start": "2015-07-01",
        "end": "2016-06-30",
    })
assert awarded_total == 2_153_400
with open(os.path.join(here, "grants-2015-applications.json"), "w", encoding="utf-8") as f:
    json.dump(applications, f, ensure_ascii=False, indent=1)
    f.write("\n")
