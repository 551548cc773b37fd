-- wrk script: a buyer's order in the commune shop — POST of the product page's real form (bench/economy.sh sets
-- XASO_PATH, XASO_COOKIE: the anonymous session, XASO_CSRF: the form's token). The idempotency filter keys a form
-- POST on its token and content, so every request names another buyer ("Khách <thread>-<n>") and places a new
-- order, as a new buyer would; the same body twice would be the double-click answered by a replay.
local path = os.getenv("XASO_PATH")
local cookie = os.getenv("XASO_COOKIE")
local csrf = os.getenv("XASO_CSRF")
local threads = 0
local statuses = {}

setup = function(thread)
  threads = threads + 1
  thread:set("tid", threads)
end

local n = 0
request = function()
  n = n + 1
  local body = "_csrf=" .. csrf .. "&quantity=1&buyerName=Kh%C3%A1ch+" .. tid .. "-" .. n
    .. "&buyerPhone=0988000017&delivery=PICKUP&payment=CASH"
  return wrk.format("POST", path, { ["Content-Type"] = "application/x-www-form-urlencoded", ["Cookie"] = cookie }, body)
end

response = function(status, headers, body)
  if status ~= 302 then
    statuses[status] = (statuses[status] or 0) + 1
  end
end

done = function(summary, latency, requests)
  io.write(string.format(
    "BENCH requests=%d duration_us=%d bytes=%d p50_us=%d p90_us=%d p95_us=%d p99_us=%d max_us=%d "
      .. "err_connect=%d err_read=%d err_write=%d err_status=%d err_timeout=%d\n",
    summary.requests, summary.duration, summary.bytes,
    latency:percentile(50), latency:percentile(90), latency:percentile(95), latency:percentile(99), latency.max,
    summary.errors.connect, summary.errors.read, summary.errors.write, summary.errors.status, summary.errors.timeout))
end
