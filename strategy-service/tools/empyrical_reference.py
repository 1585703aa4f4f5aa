# Reference values for PerformanceMetricsTest: empyrical formulas in numpy (float64).
import numpy as np

def metrics(r, ppy=252, rf=0.0):
    r = np.asarray(r, dtype=np.float64)
    n = len(r)
    out = {}
    wealth = np.prod(1.0 + r)
    out['totalReturn'] = wealth - 1.0
    out['annualizedReturn'] = wealth ** (ppy / n) - 1.0 if wealth > 0 else None
    adj = r - rf
    if n >= 2:
        # A constant series has zero deviation by definition; numpy's rounded mean
        # would leave ~1e-17 there (and a Sharpe of ~8.7e16 for ten times 0.01).
        std = lambda v: 0.0 if np.all(v == v[0]) else np.std(v, ddof=1)
        out['annualizedVolatility'] = std(r) * np.sqrt(ppy)
        sd = std(adj)
        out['sharpeRatio'] = np.mean(adj) / sd * np.sqrt(ppy) if sd != 0 else None
        dr = np.sqrt(np.mean(np.square(np.clip(adj, -np.inf, 0.0)))) * np.sqrt(ppy)
        out['sortinoRatio'] = np.mean(adj) * ppy / dr if dr != 0 else None
    cum = np.concatenate(([1.0], np.cumprod(1.0 + r)))
    peak = np.fmax.accumulate(cum)
    mdd = -np.min((cum - peak) / peak)
    out['maxDrawdown'] = mdd
    out['calmarRatio'] = out['annualizedReturn'] / mdd if (mdd > 0 and out['annualizedReturn'] is not None) else None
    out['winRate'] = np.sum(r > 0) / n
    return out

series = {
    'MIXED rf=0':      ([0.01, -0.02, 0.015, 0.0, 0.03, -0.01, 0.005, -0.025, 0.02, 0.01], 0.0),
    'MIXED rf=0.0001': ([0.01, -0.02, 0.015, 0.0, 0.03, -0.01, 0.005, -0.025, 0.02, 0.01], 0.0001),
    'RISING':          ([0.001, 0.002, 0.003, 0.004, 0.005], 0.0),
    'ONE':             ([-0.01], 0.0),
    'HUGE':            ([0.5], 0.0),
    'CONSTANT':        ([0.01] * 10, 0.0),
    'LOST':            ([0.05, -1.0, 0.02], 0.0),
    'BREAK_EVEN':      ([0.02, 0.0, -0.01, 0.0, 0.03], 0.0),
}
for name, (r, rf) in series.items():
    print(f'// {name}: {r}')
    for k, v in metrics(r, 252, rf).items():
        print(f'    {k:22s} {"undefined" if v is None else repr(float(v))}')
