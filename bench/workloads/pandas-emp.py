# The same workload as omvarld-emp.mjs, in pandas.
import json, os, resource, time
import pandas as pd

file = os.path.join(os.path.dirname(__file__), "..", "tmp", "emp-long.csv")
t0 = time.perf_counter()
emp = pd.read_csv(file, dtype={"region": str, "industry": str})
t1 = time.perf_counter()
groups = emp.groupby(["region", "year"], sort=False)["value"].sum().reset_index().to_dict("records")
t2 = time.perf_counter()
print(json.dumps({"maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, "load": (t1 - t0) * 1000, "group": (t2 - t1) * 1000,
                  "check": {"rows": len(emp), "total": int(sum(g["value"] for g in groups)), "groups": len(groups)}}))
