"""Reference p values for tests/indicators/p-values.test.ts, in 60-digit arithmetic (mpmath 1.3.0).

Run: python3 tests/indicators/reference/p_values.py. Each tail is the regularised incomplete beta function
computed by mpmath.betainc at mp.dps = 60; scipy.stats (1.17.1) t.sf and f.sf agree with every value to 1e-12
relative. The trend example is the issue's: the OLS slope of y on x = 1..10, computed here in 60 digits too.
"""
from mpmath import mp, mpf, betainc, sqrt

mp.dps = 60


def t_two_sided(t, df):
    t, df = mpf(t), mpf(df)
    return betainc(df / 2, mpf(1) / 2, 0, df / (df + t * t), regularized=True)


def f_upper(f, d1, d2):
    f, d1, d2 = mpf(f), mpf(d1), mpf(d2)
    return betainc(d2 / 2, d1 / 2, 0, d2 / (d2 + d1 * f), regularized=True)


T = [(2, 5), (4.24, 9), (10, 30), (6, 400), (15, 400), (30, 10), (50, 400), (0.001, 3), (5, 100000), (1, 1), (40, 2)]
F = [(18, 1, 9), (3.5, 3, 20), (100, 2, 400), (1000, 5, 50), (0.5, 4, 10), (36, 1, 400), (7, 10, 1000)]
for t, df in T:
    print(f"[{t}, {df}, {float(t_two_sided(t, df))!r}],")  # the double nearest the 60-digit value
for f, d1, d2 in F:
    print(f"[{f}, {d1}, {d2}, {float(f_upper(f, d1, d2))!r}],")

x = [mpf(i) for i in range(1, 11)]
y = [mpf(s) for s in ["3.1", "4.9", "7.2", "8.8", "11.1", "13.0", "14.9", "17.2", "18.9", "21.1"]]
n = len(x)
mx, my = sum(x) / n, sum(y) / n
sxx = sum((a - mx) ** 2 for a in x)
b = sum((a - mx) * (c - my) for a, c in zip(x, y)) / sxx
a = my - b * mx
sse = sum((c - a - b * v) ** 2 for v, c in zip(x, y))
t = b / sqrt(sse / (n - 2) / sxx)
print("trend t", float(t), "p", float(t_two_sided(t, n - 2)), mp.nstr(t_two_sided(t, n - 2), 20))
