#!/usr/bin/python3
"""Reads an ovop-report workbook back with readers the project did not write (openpyxl, LibreOffice) and
checks it against indicators-P.json. Prints one line per failed check; exit status 1 if any failed.

usage: readback.py WORKBOOK INDICATORS_JSON EXPECTED_SHEETS_JSON [--no-libreoffice]
EXPECTED_SHEETS_JSON: {"ringkasan": "Ringkasan", ...} in workbook order (the template's sheets).
"""
import csv, glob, json, math, os, re, shutil, subprocess, sys, tempfile
import openpyxl

path, json_path, sheets_arg = sys.argv[1], sys.argv[2], sys.argv[3]
use_lo = "--no-libreoffice" not in sys.argv
doc = json.load(open(json_path, encoding="utf-8"))
expected = json.loads(sheets_arg)
failures = []

def fail(msg):
    failures.append(msg)

def close(a, b):
    if a is None or b is None:
        return a == b
    return math.isclose(float(a), float(b), rel_tol=1e-12, abs_tol=1e-9)

NA = "\u2013"

def same(cell, value, where):
    """A cell equals an indicator: numbers as numbers, null as the 'not available' mark."""
    if value is None:
        if cell != NA:
            fail(f"{where}: expected {NA!r} for null, got {cell!r}")
    elif isinstance(value, str):
        if cell != value:
            fail(f"{where}: expected {value!r}, got {cell!r}")
    elif not isinstance(cell, (int, float)) or isinstance(cell, bool):
        fail(f"{where}: expected the number {value}, got {cell!r} ({type(cell).__name__})")
    elif not close(cell, value):
        fail(f"{where}: expected {value}, got {cell}")

wb = openpyxl.load_workbook(path)                  # formulas as text, charts, tables
wv = openpyxl.load_workbook(path, data_only=True)  # cached values

# 1. Every sheet of the template, in order, and nothing else.
if wb.sheetnames != list(expected.values()):
    fail(f"sheets: expected {list(expected.values())}, got {wb.sheetnames}")

def rows(ws):
    return [list(r) for r in ws.iter_rows(values_only=True)]

def find_row(grid, column, value, start=0):
    for i in range(start, len(grid)):
        if len(grid[i]) > column and grid[i][column] == value:
            return i
    return None

def letter(c):
    return openpyxl.utils.get_column_letter(c + 1)

def quoted(sheet):
    return f"'{sheet}'" if re.search(r"[^A-Za-z0-9_]", sheet) else sheet

def ref(sheet, r1, c1, r2, c2):
    return f"{quoted(sheet)}!${letter(c1)}${r1 + 1}:${letter(c2)}${r2 + 1}"

def chart_refs(ws):
    out = []
    for ch in ws._charts:
        for s in ch.series:
            cat = s.cat.strRef.f if s.cat is not None and s.cat.strRef is not None else (
                s.cat.numRef.f if s.cat is not None and s.cat.numRef is not None else None)
            out.append((type(ch).__name__, cat, s.val.numRef.f))
    return out

districts = doc["districts"]
codes = [d["code"] for d in districts]
province = doc["province"]

# 2. Ringkasan: district table, province row of formulas, key figures, charts.
if "ringkasan" in expected:
    name = expected["ringkasan"]
    g, f = rows(wv[name]), rows(wb[name])
    first = find_row(g, 0, codes[0])
    if first is None:
        fail(f"{name}: no district table")
    else:
        keys = ["revenue", "revenue_share", "export_revenue", "export_share", "revenue_prev_month", "mom_growth",
                "revenue_prev_year", "yoy_growth", "cooperatives", "villages", "products", "lines"]
        for k, d in enumerate(districts):
            r = first + k
            if g[r][0] != d["code"] or g[r][1] != d["name"]:
                fail(f"{name} row {r + 1}: expected {d['code']} {d['name']}, got {g[r][0]} {g[r][1]}")
            for j, key in enumerate(keys):
                same(g[r][2 + j], d[key], f"{name}!{letter(2 + j)}{r + 1} ({d['code']} {key})")
        total = first + len(districts)
        for j, key in enumerate(keys):
            same(g[total][2 + j], province[key], f"{name}!{letter(2 + j)}{total + 1} (province {key})")
        for j, key in enumerate(keys):
            formula = f[total][2 + j]
            if key in ("revenue", "export_revenue", "revenue_prev_month", "revenue_prev_year", "lines"):
                if not (isinstance(formula, str) and formula.startswith("=SUM(")):
                    fail(f"{name}!{letter(2 + j)}{total + 1}: expected a SUM formula, got {formula!r}")
            elif key in ("revenue_share", "export_share", "mom_growth", "yoy_growth") and province[key] is not None:
                if not (isinstance(formula, str) and "/" in formula):
                    fail(f"{name}!{letter(2 + j)}{total + 1}: expected a ratio formula, got {formula!r}")
        # Key figures: label in B, value in C, above the table.
        labels = {g[r][1]: g[r][2] for r in range(first) if len(g[r]) > 2 and g[r][1] and g[r][2] is not None}
        if len(labels) < 7:
            fail(f"{name}: expected at least 7 key figures, got {labels}")
        if province["revenue"] not in labels.values():
            fail(f"{name}: the province revenue is not among the key figures {labels}")
        refs = chart_refs(wb[name])
        want_bar = ("BarChart", ref(name, first, 1, total - 1, 1), ref(name, first, 2, total - 1, 2))
        if want_bar not in refs:
            fail(f"{name}: no bar chart of revenue by district {want_bar}; charts: {refs}")
        trend_first = find_row(g, 1, None, 0)
        line = [c for c in refs if c[0] == "LineChart"]
        if len(line) != 1:
            fail(f"{name}: expected one line chart, got {refs}")
        else:
            m = re.match(r"^.*!\$C\$(\d+):\$C\$(\d+)$", line[0][2])
            if not m:
                fail(f"{name}: line chart values {line[0][2]}")
            else:
                a, b = int(m.group(1)) - 1, int(m.group(2)) - 1
                vals = [g[r][2] for r in range(a, b + 1)]
                if vals != doc["trend"]["province"]:
                    fail(f"{name}: line chart reads {vals}, the trend is {doc['trend']['province']}")

# 3. Kabupaten-Kota: every indicator of SPEC 6, one column each, from D.
CATEGORIES = ["pangan", "kerajinan", "sandang", "herbal", "lainnya"]
CHANNELS = ["art_shop", "pasar_modern", "ukm_center", "pameran", "online", "ekspor"]
CERTS = ["pirt", "halal", "sni", "bpom", "hki"]
def flat(i):
    out = [i[k] for k in ["cooperatives", "villages", "products", "lines", "revenue", "revenue_share",
                          "export_revenue", "export_share", "members", "workers", "revenue_per_worker"]]
    out += [i["revenue_by_category"][c] for c in CATEGORIES]
    out += [i["channel_reach"][c] for c in CHANNELS]
    out += [i["certified_share"]] + [i["certification_share"][c] for c in CERTS]
    out += [i[k] for k in ["leading_product", "leading_product_share", "ovop_focus", "revenue_prev_month",
                           "mom_growth", "revenue_prev_year", "yoy_growth", "ytd_revenue"]]
    return out

if "kabupaten" in expected:
    name = expected["kabupaten"]
    ws = wv[name]
    g = rows(ws)
    first = find_row(g, 0, codes[0])
    for k, d in enumerate(districts + [dict(province, code="64", bps_code="64")]):
        r = first + k
        values = flat(d)
        if len(g[r]) < 3 + len(values):
            fail(f"{name}: row {r + 1} has {len(g[r])} columns")
            continue
        same(g[r][1], d["bps_code"], f"{name}!B{r + 1}")
        for j, v in enumerate(values):
            same(g[r][3 + j], v, f"{name}!{letter(3 + j)}{r + 1} ({d['code']})")
    if wb[name].freeze_panes is None:
        fail(f"{name}: header not frozen")
    if not wb[name].auto_filter.ref:
        fail(f"{name}: no autofilter")
    if len(wb[name].conditional_formatting) < 3:
        fail(f"{name}: expected conditional formats on growth and revenue share")

# 4. Produk: the products table and the top ten.
if "produk" in expected:
    name = expected["produk"]
    g = rows(wv[name])
    header = next(i for i, r in enumerate(g) if r[0] is not None and r[1] is not None and i > 2)
    products = doc["products"]
    for k, p in enumerate(products):
        r = g[header + 1 + k]
        where = f"{name} row {header + 2 + k}"
        same(r[0], p["district"], where + " district")
        same(r[2], p["product"], where + " product")
        for j, key in [(5, "villages"), (6, "cooperatives"), (7, "units_produced"), (8, "units_sold"),
                       (9, "revenue"), (10, "export_revenue"), (11, "mom_growth")]:
            same(r[j], float(p[key]) if isinstance(p[key], str) else p[key], f"{where} {key}")
    if len(g) > header + 1 + len(products) and any(v is not None for v in g[header + 1 + len(products)][:12]):
        fail(f"{name}: more product rows than products")
    for k, t in enumerate(doc["top_products"]):
        r = g[header + 1 + k]
        same(r[13], t["rank"], f"{name} top {k + 1} rank")
        same(r[14], t["product"], f"{name} top {k + 1} product")
        same(r[16], t["revenue"], f"{name} top {k + 1} revenue")
    n = len(doc["top_products"])
    want = ("BarChart", ref(name, header + 1, 14, header + n, 14), ref(name, header + 1, 16, header + n, 16))
    if n and want not in chart_refs(wb[name]):
        fail(f"{name}: top-ten chart {want} missing; charts: {chart_refs(wb[name])}")

# 5. Tren: the 12-month matrix, province row of SUM formulas, one line per district.
if "tren" in expected:
    name = expected["tren"]
    g, f = rows(wv[name]), rows(wb[name])
    first = find_row(g, 0, codes[0])
    for k, code in enumerate(codes):
        vals = g[first + k][2:14]
        if vals != doc["trend"]["districts"][code]:
            fail(f"{name}: {code} reads {vals}, expected {doc['trend']['districts'][code]}")
    total = first + len(codes)
    if g[total][2:14] != doc["trend"]["province"]:
        fail(f"{name}: province reads {g[total][2:14]}, expected {doc['trend']['province']}")
    if not all(isinstance(x, str) and x.startswith("=SUM(") for x in f[total][2:14]):
        fail(f"{name}: the province row is not SUM formulas: {f[total][2:14]}")
    refs = chart_refs(wb[name])
    if len(refs) != len(codes) or refs[0][2] != ref(name, first, 2, first, 13) \
            or refs[0][1] != ref(name, first - 1, 2, first - 1, 13):
        fail(f"{name}: line chart series {refs[:2]}...")

if "pasar" in expected:
    name = expected["pasar"]
    g = rows(wv[name])
    first = find_row(g, 0, codes[0])
    for k, d in enumerate(districts):
        for j, c in enumerate(CHANNELS):
            same(g[first + k][3 + j], d["channel_reach"][c], f"{name} {d['code']} {c}")
    if len(wb[name]._charts) < 1:
        fail(f"{name}: no chart")

# 6. Data: exactly the active lines, as a table (or rows with a filter above the limit). A month longer than a
# sheet goes on in continuation sheets, given as "data_2", "data_3", ... in EXPECTED_SHEETS_JSON.
active = sum(d["lines"] for d in districts)
data_sheets = [v for k, v in expected.items() if k == "data" or k.startswith("data_")]
if data_sheets:
    total, revenue, table_names = 0, 0, set()
    for name in data_sheets:
        ws = wb[name]
        n = ws.max_row - 1
        total += n
        last = f"A1:{letter(ws.max_column - 1)}{n + 1}"
        if [c.value for c in ws[1]] != [c.value for c in wb[data_sheets[0]][1]]:
            fail(f"{name}: header differs from {data_sheets[0]}")
        tables = dict(ws.tables.items())
        if tables and list(tables.values())[0] != last:
            fail(f"{name}: table covers {tables}, expected {last}")
        if tables and set(tables) & table_names:
            fail(f"{name}: table name {set(tables)} used twice")
        table_names |= set(tables)
        if not tables and ws.auto_filter.ref != last:
            fail(f"{name}: neither a table nor a filter over every line ({ws.auto_filter.ref})")
        if name != data_sheets[-1] and n != wb[data_sheets[0]].max_row - 1:
            fail(f"{name}: {n} rows, but only the last Data sheet may be shorter than the first")
        revenue += sum(r[11] for r in ws.iter_rows(min_row=2, values_only=True))
    if total != active:
        fail(f"{', '.join(data_sheets)}: {total} data rows, expected {active} active lines")
    if revenue != province["revenue"]:
        fail(f"{', '.join(data_sheets)}: revenue column sums to {revenue}, expected {province['revenue']}")

# 7. No number stored as text (identifier columns A-C excepted: codes such as 6401 are names).
NUMERIC = re.compile(r"^\s*-?(Rp\s*)?[\d.,]+\s*%?\s*$")
for ws in wv.worksheets:
    for row in ws.iter_rows():
        for c in row:
            if isinstance(c.value, str) and c.column > 3 and NUMERIC.match(c.value):
                fail(f"{ws.title}!{c.coordinate}: number stored as text {c.value!r}")
    if ws.freeze_panes is None and ws.title in [expected.get(k) for k in ("kabupaten", "produk", "tren")] + data_sheets:
        fail(f"{ws.title}: header not frozen")
    if ws.page_setup.orientation != "landscape" or ws.page_setup.paperSize not in ("9", 9):
        fail(f"{ws.title}: not A4 landscape ({ws.page_setup.orientation}, {ws.page_setup.paperSize})")
    if "&P" not in (ws.oddFooter.right.text or "") and "&P" not in str(ws.oddFooter.right):
        fail(f"{ws.title}: no page number in the footer")

# 8. LibreOffice: opens the file, writes every sheet as CSV, and the recalculated formulas agree.
if use_lo:
    work = tempfile.mkdtemp(prefix="ovop-lo-")
    profile = os.path.join(work, "profile")
    os.makedirs(os.path.join(profile, "user"))
    with open(os.path.join(profile, "user", "registrymodifications.xcu"), "w") as x:
        x.write('<?xml version="1.0" encoding="UTF-8"?>\n<oor:items xmlns:oor="http://openoffice.org/2001/registry" '
                'xmlns:xs="http://www.w3.org/2001/XMLSchema" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance">\n'
                '<item oor:path="/org.openoffice.Office.Calc/Formula/Load"><prop oor:name="OOXMLRecalcMode" '
                'oor:op="fuse"><value>0</value></prop></item>\n</oor:items>\n')
    out = os.path.join(work, "csv")
    run = subprocess.run(["soffice", f"-env:UserInstallation=file://{profile}", "--headless", "--convert-to",
                          "csv:Text - txt - csv (StarCalc):44,34,76,1,,0,false,true,false,false,false,-1",
                          "--outdir", out, path], capture_output=True, text=True, timeout=180)
    stem = os.path.splitext(os.path.basename(path))[0]
    for sheet in expected.values():
        if not os.path.exists(os.path.join(out, f"{stem}-{sheet}.csv")):
            fail(f"LibreOffice wrote no CSV for sheet {sheet} (exit {run.returncode}: {run.stderr.strip()[:300]})")
    def lo_rows(sheet):
        with open(os.path.join(out, f"{stem}-{sheet}.csv"), encoding="utf-8") as fh:
            return list(csv.reader(fh))
    def num(s):
        try:
            return float(s[:-1]) / 100 if s.endswith("%") else float(s)
        except ValueError:
            return s
    if "ringkasan" in expected and os.path.exists(os.path.join(out, f"{stem}-{expected['ringkasan']}.csv")):
        g = lo_rows(expected["ringkasan"])
        first = next(i for i, r in enumerate(g) if r and r[0] == codes[0])
        total = g[first + len(codes)]
        keys = ["revenue", "revenue_share", "export_revenue", "export_share", "revenue_prev_month", "mom_growth",
                "revenue_prev_year", "yoy_growth", "cooperatives", "villages", "products", "lines"]
        for j, key in enumerate(keys):
            same(num(total[2 + j]), province[key], f"LibreOffice recalculated {expected['ringkasan']} province {key}")
        # The key figures are formulas pointing at that row: recalculated, they show the same.
        keyed = [num(r[2]) for r in g[:first] if len(r) > 2 and r[1] and r[2]]
        if province["revenue"] not in keyed:
            fail(f"LibreOffice: key figures {keyed} lack the province revenue")
    if "tren" in expected and os.path.exists(os.path.join(out, f"{stem}-{expected['tren']}.csv")):
        g = lo_rows(expected["tren"])
        first = next(i for i, r in enumerate(g) if r and r[0] == codes[0])
        got = [num(x) for x in g[first + len(codes)][2:14]]
        if got != doc["trend"]["province"]:
            fail(f"LibreOffice recalculated Tren province row {got}, expected {doc['trend']['province']}")
    if data_sheets and all(os.path.exists(os.path.join(out, f"{stem}-{s}.csv")) for s in data_sheets):
        n = sum(len(lo_rows(s)) - 1 for s in data_sheets)
        if n != active:
            fail(f"LibreOffice reads {n} data rows, expected {active}")
    shutil.rmtree(work, ignore_errors=True)

for f_ in failures[:60]:
    print(f_)
if failures:
    print(f"{len(failures)} failed checks")
    sys.exit(1)
print("ok")
