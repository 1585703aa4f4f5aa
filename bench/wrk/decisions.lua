-- POST /api/v1/decisions with 1000 different decisions of the bench user. Env: TOKEN.
math.randomseed(11)
local function normal() return math.sqrt(-2 * math.log(1 - math.random())) * math.cos(2 * math.pi * math.random()) end
local bodies = {}
for i = 1, 1000 do
  bodies[i] = string.format('{"strategyId":1,"symbol":"SYM%d","decisionType":"BUY","confidence":0.6,'
    .. '"marketContext":{"features":{"ret_1d":%.6f,"ret_5d":%.6f,"ret_20d":%.6f,"volatility_20d":%.6f,'
    .. '"rsi_14":%.4f,"volume_ratio":%.6f}}}',
    i % 50, 0.01 * normal(), 0.025 * normal(), 0.05 * normal(), 0.2 + 0.1 * normal(), 50 + 10 * normal(), 1 + 0.5 * normal())
end
local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
local i = 0
request = function()
  i = i % #bodies + 1
  return wrk.format("POST", "/api/v1/decisions", headers, bodies[i])
end
dofile(os.getenv("WRK_DIR") .. "/report.lua")
