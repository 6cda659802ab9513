# The same workload as omvarld-pop-long.mjs, in pandas.
import json, os, resource, time
import pandas as pd

file = os.path.join(os.path.dirname(__file__), "..", "tmp", "pop-long.csv")
t0 = time.perf_counter()
pop = pd.read_csv(file, dtype={"region": str, "sex": str})
t1 = time.perf_counter()
groups = pop.groupby(["region", "year"], sort=False)["value"].sum().reset_index().to_dict("records")
t2 = time.perf_counter()
one = pop[pop["region"] == "0114"].groupby(["age", "year"])["value"].sum().unstack("year").reset_index()
pivot = one.to_dict("records")
t3 = time.perf_counter()
print(json.dumps({"maxRssMB": resource.getrusage(resource.RUSAGE_SELF).ru_maxrss / 1024, 
    "load": (t1 - t0) * 1000, "group": (t2 - t1) * 1000, "pivot": (t3 - t2) * 1000,
    "check": {"rows": len(pop), "total": int(sum(g["value"] for g in groups)), "groups": len(groups),
              "pivot": [len(pivot), len(pivot[0])], "cell": int(pivot[0][1975])},
}))
