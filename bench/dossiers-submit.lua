-- wrk script: POST a counter submission (birth registration 1.001193) to /api/v1/dossiers with the
-- session cookie and CSRF token given in the environment (set by bench/dossiers-submit.sh).
local cookie = os.getenv("XASO_COOKIE")
local csrf = os.getenv("XASO_CSRF")
local body = io.open(os.getenv("XASO_BODY")):read("*a")
local statuses = {}

request = function()
  return wrk.format("POST", "/api/v1/dossiers", {
    ["Content-Type"] = "application/json", ["Accept"] = "application/json",
    ["Cookie"] = cookie, ["X-CSRF-TOKEN"] = csrf }, body)
end

response = function(status, headers, body)
  statuses[status] = (statuses[status] or 0) + 1
end

done = function(summary, latency, requests)
  io.write(string.format("tps=%.1f p50_ms=%.1f p99_ms=%.1f requests=%d errors_status=%d\n",
    summary.requests / (summary.duration / 1e6), latency:percentile(50) / 1000, latency:percentile(99) / 1000,
    summary.requests, summary.errors.status))
end
