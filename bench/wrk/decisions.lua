-- POST /api/v1/decisions with 1000 different decisions of the bench user. Env: TOKEN, WRK_DIR.
dofile(os.getenv("WRK_DIR") .. "/market.lua")
dofile(os.getenv("WRK_DIR") .. "/report.lua")
math.randomseed(11)
request = cycle("POST", "/api/v1/decisions", function(i)
  return '{"strategyId":1,"symbol":"SYM' .. (i % 50) .. '","decisionType":"BUY","confidence":0.6,'
    .. '"marketContext":{"features":' .. market_features() .. '}}'
end)
