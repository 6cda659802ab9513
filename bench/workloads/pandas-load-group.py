# The same workload as omvarld-load-group.mjs, in pandas. Usage: python3 pandas-load-group.py FILE TEXT_COLUMNS
import json, os, resource, sys, time
import pandas as pd

file, text = sys.argv[1], sys.argv[2].split(",")
t0 = time.perf_counter()
table = pd.read_csv(os.path.join(os.path.dirname(__file__), "..", "tmp", file), dtype={c: str for c in text})
t1 = time.perf_counter()
groups = table.groupby(["region", "year"], sort=False)["value"].sum().reset_index().to_dict("records")
t2 = time.perf_counter()
print(json.dumps({"maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "load": (t1 - t0) * 1000, "group": (t2 - t1) * 1000,
                  "check": {"rows": len(table), "total": int(sum(g["value"] for g in groups)), "groups": len(groups)}}))
