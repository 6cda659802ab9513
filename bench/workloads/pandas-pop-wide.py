# The same workload as omvarld-pop-wide.mjs, in pandas: read Latin-1, melt the year columns, split the region code.
import json, os, resource, time
import pandas as pd

file = os.path.join(os.path.dirname(__file__), "..", "tmp", "pop-wide.csv")
t0 = time.perf_counter()
wide = pd.read_csv(file, encoding="latin-1", dtype=str)
pop = wide.melt(id_vars=["region", "ålder", "kön"], var_name="year", value_name="value")
pop["region"] = pop["region"].str.split(" ", n=1).str[0]
pop["year"] = pop["year"].astype(int)
pop["value"] = pd.to_numeric(pop["value"], errors="coerce")
t1 = time.perf_counter()
groups = pop.groupby(["region", "year"], sort=False)["value"].sum().reset_index().to_dict("records")
t2 = time.perf_counter()
print(json.dumps({"maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "load": (t1 - t0) * 1000, "group": (t2 - t1) * 1000,
                  "check": {"rows": len(pop), "total": int(sum(g["value"] for g in groups)), "groups": len(groups)}}))
