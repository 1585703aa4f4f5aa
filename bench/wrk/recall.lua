-- POST /api/v1/recall with 1000 market contexts. Env: TOKEN (bearer), EXACT ("true" compares
-- with every candidate instead of the HNSW graph), WRK_DIR (this folder).
dofile(os.getenv("WRK_DIR") .. "/market.lua")
dofile(os.getenv("WRK_DIR") .. "/report.lua")
math.randomseed(7)
local exact = os.getenv("EXACT") or "false"
request = cycle("POST", "/api/v1/recall", function(i)
  return '{"marketContext":{"features":' .. market_features() .. '},"k":10,"exact":' .. exact .. '}'
end)
