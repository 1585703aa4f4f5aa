-- One line the bench parses: successful calls, failed calls, seconds, and latency percentiles in ms.
done = function(summary, latency, requests)
  local e = summary.errors
  local failed = e.status + e.connect + e.read + e.write + e.timeout
  io.write(string.format("wrk-result ok=%d failed=%d seconds=%.3f p50=%.3f p95=%.3f p99=%.3f\n",
    summary.requests - e.status, failed, summary.duration / 1e6,
    latency:percentile(50) / 1000, latency:percentile(95) / 1000, latency:percentile(99) / 1000))
end
