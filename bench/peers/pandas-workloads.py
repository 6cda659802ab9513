# The bench's workloads in pandas (C engine; Debian's python3-pandas, as PyPI is out of reach on the bench machine).
# Usage: /usr/bin/python3 bench/peers/pandas-workloads.py WORKLOAD [ARGS]
# Prints one line of JSON: peak memory, stage times (ms) and the checks that bench/run.mjs compares across tools.
import gzip, json, os, resource, sys, time
import pandas as pd

here = os.path.dirname(os.path.abspath(__file__))
tmp = lambda f: os.path.join(here, "..", "tmp", f)
data = lambda f: os.path.join(here, "..", "..", "data", f)
workload, args = sys.argv[1], sys.argv[2:]
t = [time.perf_counter()]
lap = lambda: t.append(time.perf_counter())

def out(stages, check):
    times = {s: (t[k + 1] - t[k]) * 1000 for k, s in enumerate(stages)}
    print(json.dumps({"maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, **times, "check": check}))

def by_region_year(df):
    return df.groupby(["region", "year"], sort=False)["value"].sum()

if workload in ("pop-long", "scale"):
    pop = pd.read_csv(tmp(args[0]) if workload == "scale" else tmp("pop-long.csv"), dtype={"region": str, "sex": str})
    lap()
    groups = by_region_year(pop)
    lap()
    wide = pop[pop["region"] == "0114"].pivot_table(index="age", columns="year", values="value", aggfunc="sum").reset_index()
    lap()
    out(["load", "group", "pivot"], {"rows": len(pop), "total": float(groups.sum()), "groups": len(groups),
                                     "pivot": list(wide.shape), "cell": float(wide[1975].iloc[0])})
elif workload == "pop-wide":
    # labels as text, numbers as numbers (".." missing); the region code split on the 58 000 wide rows, before the melt
    wide = pd.read_csv(tmp("pop-wide.csv"), encoding="latin-1", dtype={"region": str, "ålder": str, "kön": str}, na_values=[".."])
    wide["region"] = wide["region"].str.split(" ", n=1).str[0]
    pop = wide.melt(id_vars=["region", "ålder", "kön"], var_name="year", value_name="value")
    pop["year"] = pop["year"].astype("int32")
    lap()
    groups = by_region_year(pop)
    lap()
    out(["load", "group"], {"rows": len(pop), "total": float(groups.sum()), "groups": len(groups)})
elif workload == "emp":
    emp = pd.read_csv(tmp("emp-long.csv"), dtype={"region": str, "industry": str})
    lap()
    groups = by_region_year(emp)
    lap()
    out(["load", "group"], {"rows": len(emp), "total": float(groups.sum()), "groups": len(groups)})
elif workload == "eurostat":
    # Eurostat's TSV: "unit,sex,age,geo\time" then a tab-separated column per year; ":" is missing, a letter a flag
    region = args[0] if args else None
    with gzip.open(data("eurostat/Rrbracci-MSB104_assignment1__demo_r_pjanaggr3.tsv")) as f:
        wide = pd.read_csv(f, sep="\t", dtype=str)
    key = wide.columns[0]
    wide[["unit", "sex", "age", "region"]] = wide[key].str.split(",", expand=True)
    wide = wide.drop(columns=key)
    if region:
        wide = wide[wide["region"] == region]
    pop = wide.melt(id_vars=["unit", "sex", "age", "region"], var_name="year", value_name="value")
    pop["year"] = pop["year"].str.strip().astype("int32")
    pop["value"] = pd.to_numeric(pop["value"].str.extract(r"^\s*([0-9.]+)", expand=False), errors="coerce")
    lap()
    out(["load"], {"rows": len(pop), "total": float(pop["value"].sum()), "missing": int(pop["value"].isna().sum())})
elif workload == "indicators":
    emp = pd.read_csv(tmp("emp-long.csv"), dtype={"region": str, "industry": str, "value": "float64"})
    lap()
    totals = by_region_year(emp).unstack("year")
    growth = 100 * (totals[2024] / totals[2005] - 1)
    lap()
    # shift-share (Dunn, Esteban-Marquillas), 2005 → 2024, the nation the sum of the regions
    cells = emp[emp["year"].isin([2005, 2024])].pivot(index=["region", "industry"], columns="year", values="value")
    e0, e1 = cells[2005], cells[2024]
    n0, n1 = e0.groupby(level="industry").sum(), e1.groupby(level="industry").sum()
    EN0 = n0.sum()
    GN = n1.sum() / EN0 - 1
    Gi = (n1 / n0 - 1).reindex(cells.index, level="industry")
    n0r = n0.reindex(cells.index, level="industry")
    Er0 = e0.groupby(level="region").transform("sum")
    parts = pd.DataFrame({"im": e0 * (Gi - GN), "rs": e1 - e0 * (1 + Gi), "ce": Er0 * n0r / EN0 * (e1 / e0 - 1 - Gi)})
    shares = parts.groupby(level="region").sum()
    lap()
    last = emp[emp["year"] == 2024]
    EN = last["value"].sum()
    Er = last.groupby("region")["value"].transform("sum")
    eNi = last.groupby("industry")["value"].transform("sum")
    lq = (last["value"] / Er) / (eNi / EN)
    lap()
    s, sN = last["value"] / Er, eNi / EN
    spec = pd.DataFrame({"region": last["region"], "k": (s - sN).abs(), "h": s ** 2}).groupby("region").sum()
    lap()
    out(["load", "growth", "shiftShare", "locationQuotients", "specialisation"], {
        "growth": [len(growth), float(growth.sum())],
        "shiftShare": [len(shares), float(shares["im"].abs().sum()), float(shares["rs"].abs().sum()), float(shares["ce"].abs().sum())],
        "lq": [len(lq), float(lq.sum()), float(lq.max())], "specialisation": [len(spec), float(spec["k"].sum()), float(spec["h"].sum())]})
else:
    raise SystemExit(f"unknown workload {workload}")
