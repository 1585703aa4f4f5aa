-- Market features drawn like the seeded decisions (bench/.../MarketFeatures): the six usual
-- names, each centre + scale · N(0, 1), as a JSON object.
local function normal() return math.sqrt(-2 * math.log(1 - math.random())) * math.cos(2 * math.pi * math.random()) end

local function draw()
  return 0.01 * normal(), 0.025 * normal(), 0.05 * normal(), 0.2 + 0.1 * normal(), 50 + 10 * normal(), 1 + 0.5 * normal()
end

function market_features()
  return string.format('{"ret_1d":%.6f,"ret_5d":%.6f,"ret_20d":%.6f,"volatility_20d":%.6f,"rsi_14":%.4f,"volume_ratio":%.6f}', draw())
end

-- The same, as the query parameters of GET /api/v1/context.
function market_query()
  return string.format('feature=ret_1d:%.6f&feature=ret_5d:%.6f&feature=ret_20d:%.6f&feature=volatility_20d:%.6f'
    .. '&feature=rsi_14:%.4f&feature=volume_ratio:%.6f', draw())
end

-- A request generator cycling through 1000 bodies made by body(i), with the bearer token of env TOKEN.
function cycle(method, path, body)
  local bodies = {}
  for i = 1, 1000 do bodies[i] = body(i) end
  local headers = {["Content-Type"] = "application/json", ["Authorization"] = "Bearer " .. os.getenv("TOKEN")}
  local i = 0
  return function()
    i = i % #bodies + 1
    return wrk.format(method, path, headers, bodies[i])
  end
end
