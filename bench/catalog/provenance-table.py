#!/usr/bin/env python3
"""Regenerates the table at the end of src/main/resources/catalog/PROVENANCE.md from procedures.json."""
import json, pathlib
root = pathlib.Path(__file__).resolve().parents[2] / "src/main/resources/catalog"
d = json.loads((root / "procedures.json").read_text())
def t(x):
    k = x["time"]["kind"]
    return "trong ngày" if k == "SAME_DAY" else f"{x['time']['amount']} {'ngày' if k == 'WORKING_DAYS' else 'giờ'} làm việc"
def money(v):
    return f"{v:,}".replace(",", ".")
def fee(f):
    k = f["kind"]
    if k == "free": return "miễn"
    if k == "fixed": return f"{money(f['vnd'])} đ/bản"
    if k == "per-case": return f"{money(f['vnd'])} đ/{f['unit'].split(' (')[0]}"
    if k == "tiered": return "2.000/1.000 đ/trang, tối đa 200.000 đ/bản"
    return "HĐND tỉnh (chưa nhập)"
def status(src):
    if "CHƯA ĐỐI CHIẾU" in src or "ƯỚC TÍNH" in src:
        return "PARTIAL" if "đã đối chiếu" in src else "UNVERIFIED"
    return "VERIFIED"
rows = [f"| {x['code']} | {x['name']} | {x['field']} | {t(x)} | {fee(x['fees'])} | {x['onlineMode']} | {status(x['sources'])} | {x['sources']} |"
        for x in d["procedures"]]
md = root / "PROVENANCE.md"
text = md.read_text()
head = text[: text.index("| Code | Name |")]
md.write_text(head + "| Code | Name | Field | Time | Fee | Online | Status | Sources |\n|---|---|---|---|---|---|---|---|\n" + "\n".join(rows) + "\n")
